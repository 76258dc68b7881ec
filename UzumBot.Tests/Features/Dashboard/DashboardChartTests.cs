using UzumBot.Features.Dashboard;
using UzumBot.Features.Finance;

namespace UzumBot.Tests.Features.Dashboard;

public sealed class DashboardChartTests
{
    [Fact]
    public void A_chart_without_money_is_the_same_picture_whatever_the_revenue_so_no_axis_gives_it_away()
    {
        var first = new DateOnly(2026, 11, 1);
        var labels = new DashboardChart.Labels("Заказы · 30 дней", "Заказы", null);
        var rich = Enumerable.Range(0, 30).Select(i => new DayFigures(first.AddDays(i), i % 7, 47_186_000L * (i % 3))).ToList();
        var poor = rich.Select(d => d with { Revenue = 0 }).ToList();
        Assert.Equal(DashboardChart.Render(poor, labels), DashboardChart.Render(rich, labels));
    }

    [Fact]
    public void The_chart_is_a_phone_sized_PNG_that_draws_Cyrillic_and_Uzbek_text()
    {
        var first = new DateOnly(2026, 11, 1);
        var days = Enumerable.Range(0, 30).Select(i => new DayFigures(first.AddDays(i), i % 7, (i % 5) * 350_000L)).ToList();
        var png = DashboardChart.Render(days, new DashboardChart.Labels("Buyurtmalar va daromad · oʻtgan 30 kun", "Buyurtmalar", "Daromad, ming soʻm"));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal((DashboardChart.Width, DashboardChart.Height), PngSize(png));
        Assert.InRange(png.Length, 10_000, 1_000_000);
        var path = Environment.GetEnvironmentVariable("UZUMBOT_CHART_OUT");
        if (path is { Length: > 0 }) File.WriteAllBytes(path, png);
    }

    [Fact]
    public void Text_changes_the_image_and_an_empty_period_still_draws()
    {
        var days = new[] { new DayFigures(new DateOnly(2026, 11, 1), 0, 0) };
        var ru = DashboardChart.Render(days, new DashboardChart.Labels("Заказы и выручка", "Заказы", "Выручка, тыс. сум"));
        var uz = DashboardChart.Render(days, new DashboardChart.Labels("Buyurtmalar va daromad", "Buyurtmalar", "Daromad, ming soʻm"));
        Assert.NotEqual(ru, uz);
        Assert.Equal((DashboardChart.Width, DashboardChart.Height), PngSize(DashboardChart.Render([], new DashboardChart.Labels("—", "a", "b"))));
    }

    internal static (int Width, int Height) PngSize(byte[] png) =>
        (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
