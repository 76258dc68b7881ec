namespace UzumBot.Localization;

public enum Lang
{
    Ru,
    Uz,
}

public static class Langs
{
    public static string Code(this Lang lang) => lang == Lang.Uz ? "uz" : "ru";

    public static Lang Other(this Lang lang) => lang == Lang.Uz ? Lang.Ru : Lang.Uz;

    public static Lang? Parse(string? code) => code switch
    {
        "ru" => Lang.Ru,
        "uz" => Lang.Uz,
        _ => null,
    };
}
