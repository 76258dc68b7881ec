using System.Net;
using System.Text.Json;

namespace UzumBot.Uzum;

/// <summary>Reads <c>payload.document</c> of the label endpoint: one base64 PDF string, or an array of them (one per parcel).</summary>
public static class LabelDocuments
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF"u8;

    public static IReadOnlyList<byte[]> Decode(HttpStatusCode status, JsonElement? payload, long orderId)
    {
        var document = payload switch
        {
            { ValueKind: JsonValueKind.Object } obj => UzumClient.Property(obj, "document"),
            { ValueKind: JsonValueKind.String } s => s, // tolerate a payload that is the document itself
            _ => null,
        };
        var encoded = document switch
        {
            { ValueKind: JsonValueKind.String } s => [s.GetString()],
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList(),
            _ => null,
        };
        if (encoded is null || encoded.Count == 0)
            throw new UzumInvalidResponseException(status, $"order {orderId}: the label response has no document.");

        var pdfs = new List<byte[]>(encoded.Count);
        for (var i = 0; i < encoded.Count; i++)
        {
            var bytes = TryDecodeBase64(encoded[i]);
            if (bytes is null || !bytes.AsSpan().StartsWith(PdfMagic))
                throw new UzumInvalidResponseException(status,
                    $"order {orderId}: label document {i + 1} of {encoded.Count} is not a base64 PDF.");
            pdfs.Add(bytes);
        }
        return pdfs;
    }

    private static byte[]? TryDecodeBase64(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.Trim();
        var comma = s.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? s.IndexOf(',') : -1;
        if (comma >= 0) s = s[(comma + 1)..];
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
