using System.ComponentModel.DataAnnotations;

namespace UzumBot.Features.Automation;

/// <summary>The <c>Automation</c> configuration section.</summary>
public sealed class AutomationOptions
{
    public const string Section = "Automation";
    public const int DefaultAlertMinutes = 3;

    /// <summary>Minutes between new-order checks, per plan (FREE has no automation); a plan not listed uses 3.</summary>
    public Dictionary<string, int> AlertIntervalMinutes { get; set; } = [];

    /// <summary>How often the scheduler looks for due jobs.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 20;

    /// <summary>Minutes between low-stock checks of a tenant.</summary>
    [Range(1, 24 * 60)]
    public int LowStockCheckMinutes { get; set; } = 60;

    public TimeSpan AlertInterval(string plan) =>
        TimeSpan.FromMinutes(AlertIntervalMinutes.TryGetValue(plan, out var minutes) && minutes > 0 ? minutes : DefaultAlertMinutes);
}
