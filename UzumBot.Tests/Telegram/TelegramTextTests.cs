using System.Text;
using UzumBot.Localization;
using UzumBot.Telegram;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.Telegram;

/// <summary>T2: long text is split between lines, never inside a tag or an entity.</summary>
public sealed class TelegramTextTests
{
    [Fact]
    public void A_hundred_product_lines_split_into_valid_messages()
    {
        var html = new StringBuilder("<b>📦 Товары</b>");
        for (var i = 0; i < 100; i++)
            html.Append('\n').Append(i).Append(". <b>").Append(Html.Encode("Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.")).Append("</b> · ")
                .Append(Html.Encode("FUTB-1-ЧЕРН-S")).Append(" · 149 000 сум · FBS 3 · FBO 14");
        var parts = TelegramText.Split(html.ToString());

        Assert.True(parts.Count > 1);
        foreach (var part in parts)
        {
            Assert.True(TelegramHtml.TryParse(part, strictAmpersand: true, out var parsed, out var error), error);
            Assert.InRange(parsed.Length, 1, TelegramText.MaxMessageLength);
        }
        Assert.Equal(TelegramText.VisibleLength(html.ToString()), parts.Sum(TelegramText.VisibleLength) + parts.Count - 1);
    }

    [Fact]
    public void A_single_long_line_is_cut_between_entities()
    {
        var line = string.Concat(Enumerable.Repeat("a&amp;b", 2000));
        var parts = TelegramText.Split(line, 100);
        Assert.All(parts, p => Assert.True(TelegramHtml.TryParse(p, true, out var parsed, out _) && parsed.Length <= 100, p));
        Assert.Equal(line, string.Concat(parts));
    }

    [Fact]
    public void Fit_keeps_the_head_and_marks_the_cut()
    {
        var html = string.Join('\n', Enumerable.Repeat("строка <b>жирная</b> &amp; ещё", 400));
        var fitted = TelegramText.Fit(html);
        Assert.True(TelegramText.VisibleLength(fitted) <= TelegramText.MaxMessageLength);
        Assert.EndsWith("\n…", fitted);
        Assert.True(TelegramHtml.TryParse(fitted, true, out _, out var error), error);
    }
}
