using System.Buffers.Binary;
using System.Text;

namespace UzumBot.Features.Dashboard;

/// <summary>Adds UTF-8 text chunks (iTXt: title, description) to a PNG, so the image carries its words for screen readers and checks.</summary>
public static class PngText
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    /// <summary>Inserts the chunks right after IHDR (8-byte signature + 25-byte IHDR chunk).</summary>
    public static byte[] With(byte[] png, params (string Key, string Value)[] texts)
    {
        const int afterHeader = 8 + 25;
        var output = new MemoryStream(png.Length + 256);
        output.Write(png, 0, afterHeader);
        foreach (var (key, value) in texts)
        {
            // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
            var data = Encoding.Latin1.GetBytes(key).Concat(new byte[] { 0, 0, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes(value)).ToArray();
            Chunk(output, "iTXt", data);
        }
        output.Write(png, afterHeader, png.Length - afterHeader);
        return output.ToArray();
    }

    /// <summary>The iTXt texts of a PNG by keyword.</summary>
    public static IReadOnlyDictionary<string, string> Read(byte[] png)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at, 4));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            if (type == "iTXt")
            {
                var data = png.AsSpan(at + 8, length);
                var nul = data.IndexOf((byte)0);
                var rest = data[(nul + 3)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                texts[Encoding.Latin1.GetString(data[..nul])] = Encoding.UTF8.GetString(rest);
            }
            at += 12 + length;
        }
        return texts;
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc ^ 0xFFFFFFFFu);
        output.Write(word);
    }
}
