using System.Reflection;
using PdfSharp.Fonts;

namespace UzumBot.Documents;

/// <summary>
/// Resolves every font family PDFsharp asks for to the embedded Liberation Sans (Regular/Bold): Linux hosts
/// have no system fonts PDFsharp can find, and Liberation Sans covers Russian, Uzbek Latin (ʻ) and Uzbek Cyrillic.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string FamilyName = "Liberation Sans";
    private const string RegularFace = "LiberationSans#Regular";
    private const string BoldFace = "LiberationSans#Bold";

    private static readonly Lock InstallLock = new();
    private static bool _installed;

    private PdfFonts()
    {
    }

    /// <summary>Installs the resolver once per process; safe to call from any thread, any number of times.</summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref _installed)) return;
        lock (InstallLock)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is not PdfFonts)
                GlobalFontSettings.FontResolver = new PdfFonts();
            Volatile.Write(ref _installed, true);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // no italic face is embedded: PDFsharp simulates it
        new(bold ? BoldFace : RegularFace, false, italic);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => Regular.Value,
        BoldFace => Bold.Value,
        _ => null,
    };

    private static readonly Lazy<byte[]> Regular = new(() => Load("LiberationSans-Regular.ttf"));
    private static readonly Lazy<byte[]> Bold = new(() => Load("LiberationSans-Bold.ttf"));

    internal static byte[] Load(string fileName)
    {
        var assembly = typeof(PdfFonts).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded font {fileName} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
