using UzumBot.Localization;

namespace UzumBot.Features.Automation;

/// <summary>
/// A member's quiet hours and daily time, in Tashkent local minutes after midnight. A window may cross midnight
/// (23:00–08:00); equal ends mean no quiet hours.
/// </summary>
public readonly record struct QuietHours(int FromMinutes, int ToMinutes)
{
    private const int Day = 24 * 60;

    public bool IsNone => FromMinutes == ToMinutes;

    public bool Contains(DateTimeOffset instant)
    {
        if (IsNone) return false;
        var minute = MinuteOfDay(instant);
        return FromMinutes < ToMinutes
            ? minute >= FromMinutes && minute < ToMinutes
            : minute >= FromMinutes || minute < ToMinutes;
    }

    /// <summary>The first instant at or after <paramref name="instant"/> outside quiet hours.</summary>
    public DateTimeOffset NextOutside(DateTimeOffset instant) =>
        Contains(instant) ? NextLocal(instant, ToMinutes) : instant;

    /// <summary>The next instant after <paramref name="instant"/> at local <paramref name="minutes"/> after midnight.</summary>
    public static DateTimeOffset NextLocal(DateTimeOffset instant, int minutes)
    {
        var local = Formats.ToLocal(instant);
        var candidate = new DateTimeOffset(local.Date, local.Offset).AddMinutes(minutes);
        if (candidate <= local) candidate = candidate.AddDays(1);
        return candidate.ToUniversalTime();
    }

    public static int MinuteOfDay(DateTimeOffset instant)
    {
        var local = Formats.ToLocal(instant);
        return local.Hour * 60 + local.Minute;
    }

    public static string Clock(int minutes) => $"{minutes / 60 % 24:00}:{minutes % 60:00}";

    /// <summary>The presets the settings screen cycles through: 23–08, 22–07, 00–09, none.</summary>
    public static readonly IReadOnlyList<QuietHours> Presets =
        [new(23 * 60, 8 * 60), new(22 * 60, 7 * 60), new(0, 9 * 60), new(0, 0)];

    public QuietHours NextPreset()
    {
        var self = this;
        var index = Presets.ToList().FindIndex(p => p == self);
        return Presets[(index + 1) % Presets.Count];
    }

    public static int Wrap(int minutes) => ((minutes % Day) + Day) % Day;
}
