using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UzumBot.Tests.Fakes;

/// <summary>An uploaded file part.</summary>
internal sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);

/// <summary>
/// The parameters of one Bot API call, from wherever Telegram accepts them: the query string, a JSON body,
/// application/x-www-form-urlencoded or multipart/form-data (where objects arrive as JSON strings and files
/// either as a part named after the parameter or as <c>attach://name</c>).
/// </summary>
internal sealed class BotRequest
{
    private readonly Dictionary<string, JsonNode?> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public static async Task<BotRequest> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        var r = new BotRequest();
        foreach (var (key, value) in http.Query) r._fields[key] = JsonValue.Create(value.ToString());

        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            foreach (var (key, value) in form) r._fields[key] = JsonValue.Create(value.ToString());
            foreach (var file in form.Files)
            {
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms, ct);
                r._files[file.Name] = new UploadedFile(file.FileName, file.ContentType, ms.ToArray());
            }
        }
        else if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(http.Body);
            var body = await reader.ReadToEndAsync(ct);
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    if (JsonNode.Parse(body) is JsonObject obj)
                        foreach (var (key, value) in obj) r._fields[key] = value?.DeepClone();
                }
                catch (JsonException)
                {
                    r.MalformedJson = true;
                }
            }
        }
        return r;
    }

    public bool MalformedJson { get; private set; }

    public bool Has(string name) => String(name) is { Length: > 0 } || _fields.TryGetValue(name, out var n) && n is JsonObject or JsonArray;

    /// <summary>The parameter as text (numbers and booleans as written); null when absent or empty, as Telegram treats "".</summary>
    public string? String(string name)
    {
        if (!_fields.TryGetValue(name, out var node) || node is null) return null;
        string? s = node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => node.ToJsonString(),
        };
        return string.IsNullOrEmpty(s) ? null : s;
    }

    public long? Long(string name) =>
        long.TryParse(String(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public int? Int(string name) =>
        int.TryParse(String(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool Bool(string name) => String(name) is "true" or "True" or "1";

    /// <summary>An object or array parameter: as sent in JSON, or parsed from its JSON text.</summary>
    public JsonNode? Json(string name)
    {
        if (!_fields.TryGetValue(name, out var node) || node is null) return null;
        if (node is JsonObject or JsonArray) return node;
        var text = String(name);
        if (text is null) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    /// <summary>A file parameter: a direct part, or <c>attach://name</c>; null when the value is a file_id / URL or absent.</summary>
    public UploadedFile? File(string name)
    {
        if (_files.TryGetValue(name, out var direct)) return direct;
        var value = String(name);
        if (value is not null && value.StartsWith("attach://", StringComparison.Ordinal) &&
            _files.TryGetValue(value["attach://".Length..], out var attached))
            return attached;
        return null;
    }
}
