using System.Globalization;
using ScottPlot;
using SkiaSharp;
using UzumBot.Documents;
using UzumBot.Features.Finance;
using UzumBot.Localization;

namespace UzumBot.Features.Dashboard;

/// <summary>
/// The dashboard's PNG: orders per day as bars (left axis) and revenue per day as a line (right axis, thousands of
/// som). Text is drawn with the embedded Liberation Sans (Cyrillic and ʻ), never emoji; all words come from the caller
/// in the chat's language.
/// </summary>
public static class DashboardChart
{
    public const int Width = 1080;
    public const int Height = 720;
    private const string FontName = PdfFonts.FamilyName;
    private static readonly Lazy<bool> FontsReady = new(() =>
    {
        Fonts.FontResolvers.Add(new EmbeddedFontResolver());
        return true;
    });

    /// <summary>The chart's words; without <see cref="Revenue"/> (a role that sees no money) only orders are drawn.</summary>
    public sealed record Labels(string Title, string Orders, string? Revenue);

    public static byte[] Render(IReadOnlyList<DayFigures> days, Labels labels)
    {
        _ = FontsReady.Value;
        var plot = new Plot();
        plot.Font.Set(FontName);
        var xs = days.Select((_, i) => (double)i).ToArray();

        var bars = plot.Add.Bars(xs, days.Select(d => (double)d.Orders).ToArray());
        bars.Color = new Color(0x7C, 0x3A, 0xED, 0xB0);
        bars.LegendText = labels.Orders;
        foreach (var bar in bars.Bars) bar.Size = 0.7;

        if (labels.Revenue is { } revenueLabel)
        {
            var line = plot.Add.Scatter(xs, days.Select(d => d.Revenue / 1000.0).ToArray());
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = new Color(0xF5, 0x9E, 0x0B);
            line.LineWidth = 3;
            line.MarkerSize = days.Count <= 31 ? 7 : 0;
            line.LegendText = revenueLabel;
            plot.Axes.Right.Label.Text = revenueLabel;
        }

        plot.Title(labels.Title, size: 30);
        plot.Axes.Left.Label.Text = labels.Orders;
        foreach (var axis in new[] { plot.Axes.Left.Label, plot.Axes.Right.Label }) axis.FontSize = 22;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        var maxRevenue = days.Count == 0 ? 0 : days.Max(d => d.Revenue / 1000.0);
        // thousands of som: whole numbers for a real shop, one decimal for a tiny or empty one (else the axis reads 0 0 0 1 1)
        plot.Axes.Right.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => maxRevenue >= 10 ? Formats.Number((long)Math.Round(v)) : v.ToString("0.#", CultureInfo.InvariantCulture),
        };
        plot.Axes.Left.TickLabelStyle.FontSize = 20;
        plot.Axes.Right.TickLabelStyle.FontSize = 20;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 20;

        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 10.0));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < days.Count; i += step)
            ticks.AddMajor(i, days[i].Day.ToString("dd.MM", CultureInfo.InvariantCulture));
        plot.Axes.Bottom.TickGenerator = ticks;

        var maxOrders = days.Count == 0 ? 0 : days.Max(d => d.Orders);
        plot.Axes.SetLimitsX(-0.6, Math.Max(days.Count - 0.4, 0.6));
        plot.Axes.SetLimitsY(0, Math.Max(1, maxOrders) * 1.15, plot.Axes.Left);
        if (labels.Revenue is not null) plot.Axes.SetLimitsY(0, Math.Max(1, maxRevenue) * 1.15, plot.Axes.Right);
        // No money for this role: no revenue axis either — its scale alone would tell the best day's revenue.
        else plot.Axes.Right.IsVisible = false;
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 20;
        plot.Legend.FontName = FontName;
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return PngText.With(png, ("Title", labels.Title), ("Description", labels.Revenue is null ? labels.Orders : labels.Orders + " / " + labels.Revenue));
    }

    /// <summary>Liberation Sans from the assembly's resources for every font the plot asks for.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private static readonly Lazy<byte[]> Regular = new(() => PdfFonts.Load("LiberationSans-Regular.ttf"));
        private static readonly Lazy<byte[]> Bold = new(() => PdfFonts.Load("LiberationSans-Bold.ttf"));

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == FontName ? SKTypeface.FromData(SKData.CreateCopy(bold ? Bold.Value : Regular.Value)) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
