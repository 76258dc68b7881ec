using UzumBot.Features.Reports;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Tests.Documents;
using UzumBot.Tests.Support;

namespace UzumBot.Tests.Features.Reports;

public sealed class ReportsScreensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_reports_screen_is_sendable(Lang lang)
    {
        var screens = new ReportsScreens(Sessions.For(lang), Now);
        Sendable.Assert("home", screens.Home());
        foreach (var kind in ReportKinds.All)
        {
            Sendable.Assert($"options {kind}", screens.Options(kind, 0));
            Sendable.Assert($"options {kind} one shop", screens.Options(kind, 70413, "✅"));
        }
    }

    [Fact]
    public void A_manager_gets_every_report_without_a_money_column_and_without_the_tables_ranked_by_money()
    {
        var input = ReportFixture.Input();
        foreach (var kind in ReportKinds.All)
        {
            var owner = new ReportTables(Sessions.For()).For(kind, input);
            var manager = new ReportTables(Sessions.For(role: Role.Manager)).For(kind, input);
            Assert.DoesNotContain(manager.SelectMany(t => t.Columns), c => c.Kind == UzumBot.Documents.CellKind.Money);
            Assert.DoesNotContain(manager.SelectMany(t => t.Columns), c => c.Header.Contains("сум"));
            if (kind is ReportKind.SalesStock or ReportKind.Inventory or ReportKind.TopProducts or ReportKind.DeadStock or ReportKind.AbcXyz)
                Assert.Contains(owner.SelectMany(t => t.Columns), c => c.Kind == UzumBot.Documents.CellKind.Money);
        }
        Assert.Equal(["По количеству"], new ReportTables(Sessions.For(role: Role.Manager)).For(ReportKind.TopProducts, input).Select(t => t.Title));
        Assert.Equal(3, new ReportTables(Sessions.For(role: Role.Viewer)).For(ReportKind.TopProducts, input).Count);
    }

    [Fact]
    public void The_fixture_reports_write_their_numbers_into_the_XLSX()
    {
        var session = Sessions.For();
        var documents = new ReportsScreens(session, Now).Documents(ReportKind.DeadStock, 0, ReportFixture.Input());
        var sheet = Assert.Single(ReportDocuments.Xlsx(documents[1].Content));
        var header = UzumBot.Documents.XlsxTableWriter.HeaderRow;
        Assert.Equal("D-1", sheet.Cells["A" + (header + 1)].Text);
        Assert.Equal(4_000, sheet.Cells["F" + (header + 1)].Number); // frozen value 8 × 500
        Assert.Equal(4_000, sheet.Cells["F" + (header + 2)].Number); // the total
        Assert.Contains("Неликвид", ReportDocuments.PdfWords(documents[0].Content));
    }
}
