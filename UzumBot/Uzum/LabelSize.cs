namespace UzumBot.Uzum;

/// <summary>UZUM's parcel label sizes. The names are UZUM's and counter-intuitive: LARGE is 58×40 mm, BIG is 43×25 mm.</summary>
public enum LabelSize
{
    Large,
    Big,
}

public static class LabelSizes
{
    public static string ApiName(this LabelSize size) => size == LabelSize.Large ? "LARGE" : "BIG";

    public static (double WidthMm, double HeightMm) Millimetres(this LabelSize size) =>
        size == LabelSize.Large ? (58, 40) : (43, 25);

    /// <summary>"58x40" / "43x25", as used in file names and captions.</summary>
    public static string Dimensions(this LabelSize size) => size == LabelSize.Large ? "58x40" : "43x25";

    public static LabelSize? Parse(string? apiName) => apiName?.ToUpperInvariant() switch
    {
        "LARGE" => LabelSize.Large,
        "BIG" => LabelSize.Big,
        _ => null,
    };
}
