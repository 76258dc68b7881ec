using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UzumBot.Uzum;

/// <summary>
/// Source-generated JSON metadata for the UZUM DTOs: camelCase, case-insensitive, unknown fields ignored,
/// null request members omitted. Numbers and booleans are read leniently (a JSON string holding a number is
/// accepted, a null in a non-nullable number becomes 0), and any scalar is accepted where a string is expected.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(LenientInt64Converter), typeof(LenientInt32Converter), typeof(LenientDoubleConverter),
        typeof(LenientBooleanConverter), typeof(FlexibleStringConverter)])]
[JsonSerializable(typeof(List<Shop>))]
[JsonSerializable(typeof(ProductsPage))]
[JsonSerializable(typeof(OrdersPage))]
[JsonSerializable(typeof(SellerOrder))]
[JsonSerializable(typeof(ReturnReasonsPayload))]
[JsonSerializable(typeof(SkuStocksPayload))]
[JsonSerializable(typeof(FinanceOrdersPage))]
[JsonSerializable(typeof(ExpensesPayload))]
[JsonSerializable(typeof(List<SupplyInvoice>))]
[JsonSerializable(typeof(List<InvoiceLine>))]
[JsonSerializable(typeof(List<SellerReturn>))]
[JsonSerializable(typeof(SellerReturn))]
[JsonSerializable(typeof(CancelOrderRequest))]
[JsonSerializable(typeof(PriceUpdateRequest))]
[JsonSerializable(typeof(long))]
internal sealed partial class UzumJsonContext : JsonSerializerContext;

/// <summary>Body of <c>POST /v1/fbs/order/{orderId}/cancel</c>.</summary>
public sealed record CancelOrderRequest(string Reason, string? Comment);

/// <summary>Body of <c>POST /v1/product/{shopId}/sendPriceData</c>.</summary>
public sealed record PriceUpdateRequest(long ProductId, IReadOnlyList<SkuPrice> SkuList);

internal static class LenientNumber
{
    public static bool TryReadString(ref Utf8JsonReader reader, out double value)
    {
        var s = reader.GetString();
        value = 0;
        return string.IsNullOrWhiteSpace(s)
            || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A whole number from a number, a numeric string, or null (as 0).</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, Type type)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? n : checked((long)reader.GetDouble());
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.String:
                if (long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return l;
                if (TryReadString(ref reader, out var d)) return checked((long)d);
                break;
        }
        throw Unexpected(ref reader, type);
    }

    public static JsonException Unexpected(ref Utf8JsonReader reader, Type type) =>
        new($"Cannot read {reader.TokenType} as {type.Name}.");
}

public sealed class LenientInt64Converter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientNumber.ReadInt64(ref reader, typeToConvert);

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

public sealed class LenientInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = LenientNumber.ReadInt64(ref reader, typeToConvert);
        return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new JsonException($"{value} does not fit {typeToConvert.Name}.");
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

public sealed class LenientDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.String:
                if (LenientNumber.TryReadString(ref reader, out var d)) return d;
                break;
        }
        throw LenientNumber.Unexpected(ref reader, typeToConvert);
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

public sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False:
            case JsonTokenType.Null: return false;
            case JsonTokenType.Number: return reader.TryGetInt64(out var n) && n != 0;
            case JsonTokenType.String:
                var s = reader.GetString();
                if (string.IsNullOrWhiteSpace(s)) return false;
                if (bool.TryParse(s, out var b)) return b;
                break;
        }
        throw LenientNumber.Unexpected(ref reader, typeToConvert);
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
