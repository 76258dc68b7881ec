using System.Text.Json;
using System.Text.Json.Serialization;

namespace UzumBot.Uzum;

/// <summary>
/// The one place that knows UZUM's time units: query dates go out in Unix <b>seconds</b> (milliseconds give a
/// silent empty result); response dates come back as epoch <b>milliseconds</b>, sometimes as ISO strings.
/// </summary>
public static class EpochTime
{
    /// <summary>Below this an epoch number is taken as seconds, at or above it as milliseconds.</summary>
    public const long MillisecondsThreshold = 1_000_000_000_000;

    public static long ToQuerySeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();

    public static DateTimeOffset FromEpochNumber(long value) =>
        value >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);

    public static long ToResponseMilliseconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public sealed class Converter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var n) ? FromEpochNumber(n) : FromEpochNumber((long)reader.GetDouble());
                case JsonTokenType.String:
                    var s = reader.GetString();
                    if (string.IsNullOrWhiteSpace(s)) return null;
                    if (long.TryParse(s, out var asNumber)) return FromEpochNumber(asNumber);
                    // zone-less LocalDateTime strings are UTC+5 (Tashkent) on UZUM's side
                    if (DateTimeOffset.TryParse(s, System.Globalization.CultureInfo.InvariantCulture,
                            System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
                        return parsed;
                    return null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else writer.WriteNumberValue(value.Value.ToUnixTimeMilliseconds());
        }
    }
}

/// <summary>Reads a JSON string or number as a string (UZUM barcodes are both, depending on the endpoint).</summary>
public sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => SkipAndNull(ref reader),
        };

    private static string? SkipAndNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
