using UzumBot.Documents;

namespace UzumBot.Tests.Documents;

/// <summary>The shared report writers: an A4 PDF that breaks long tables across pages with the header again, and an XLSX of typed cells.</summary>
public sealed class TableWritersTests
{
    private const string Uzbek = "Atlas koʻylak, milliy naqsh — Oʻzbekiston gʻalla";
    private const string Russian = "Футболка хлопковая Ёлка, съёмный ворот";

    private static TableReport Report(int rows) => new(
        "Продажи и остатки",
        "Bahor Textile",
        "01.11.2026–30.11.2026",
        "Сформирован 03.12.2026 14:20",
        "стр. {0} из {1}",
        "Нет данных",
        [
            new ReportTable("Товары",
                [new TableColumn("Товар", CellKind.Text, 3), new TableColumn("SKU", CellKind.Text, 2), new TableColumn("Продано, шт", CellKind.Integer),
                 new TableColumn("Выручка, сум", CellKind.Money, 1.4), new TableColumn("Доля", CellKind.Percent), new TableColumn("Дней запаса", CellKind.Decimal)],
                Enumerable.Range(0, rows).Select(i => (IReadOnlyList<object?>)
                    [i % 2 == 0 ? Russian : Uzbek, $"FUTB-{i}-ЧЕРН-S", i + 1, 1_234_567L * (i + 1), 0.125, i == 0 ? null : 12.25]).ToList(),
                ["Итого", null, rows * (rows + 1) / 2, 1_234_567L * rows * (rows + 1) / 2, 1.0, null]),
            new ReportTable("Пусто", [new TableColumn("Причина", CellKind.Text)], []),
        ]);

    [Fact]
    public void A_long_table_runs_onto_more_A4_pages_with_its_header_page_numbers_and_readable_Cyrillic_and_Uzbek()
    {
        var pdf = PdfTableWriter.Write(Report(150));
        var pages = ReportDocuments.Pdf(pdf);

        Assert.True(pages.Count >= 3, $"{pages.Count} pages for 150 rows");
        Assert.All(pages, ReportDocuments.AssertA4);
        var words = ReportDocuments.PdfWords(pdf).Split('\n');
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"стр. {i + 1} из {pages.Count}", words[i]);
            Assert.Contains("Bahor Textile", words[i]);
            Assert.Contains("Сформирован 03.12.2026 14:20", words[i]);
            Assert.Contains("Выручка, сум", words[i]); // the header row on every page
        }
        var all = string.Join(" ", words);
        Assert.Contains("Ёлка,", all);
        Assert.Contains("koʻylak,", all);
        Assert.Contains("gʻalla", all);
        Assert.Contains("Oʻzbekiston", all);
        Assert.Contains("FUTB-149-ЧЕРН-S", all);
        // the no-break space shares the space's glyph, so it reads back as a space
        var firstPage = pages[0].Text.Replace('\u00A0', ' ');
        Assert.Contains("1 234 567", firstPage);
        Assert.Contains("12,5 %", firstPage);
        Assert.Contains("Нет данных", all);
    }

    [Fact]
    public void A_short_report_is_one_page()
    {
        var pages = ReportDocuments.Pdf(PdfTableWriter.Write(Report(3)));
        Assert.Single(pages);
        Assert.Contains("стр. 1 из 1", pages[0].Text);
    }

    [Fact]
    public void The_XLSX_has_a_sheet_per_table_numbers_as_numbers_and_a_frozen_header()
    {
        var sheets = ReportDocuments.Xlsx(XlsxTableWriter.Write(Report(4)));

        Assert.Equal(["Товары", "Пусто"], sheets.Select(s => s.Name));
        var goods = sheets[0];
        var header = XlsxTableWriter.HeaderRow;
        Assert.Equal("A" + (header + 1), goods.FrozenTopLeft);
        Assert.Equal("Выручка, сум", goods.Cells["D" + header].Text);
        var revenue = goods.Cells["D" + (header + 2)];
        Assert.True(revenue.IsNumber);
        Assert.Equal(2_469_134, revenue.Number);
        Assert.Equal(0.125, goods.Cells["E" + (header + 1)].Number);
        Assert.False(goods.Cells.ContainsKey("F" + (header + 1))); // null stays an empty cell
        Assert.Equal(Uzbek, goods.Cells["A" + (header + 2)].Text);
        Assert.Equal("Итого", goods.Cells["A" + (header + 5)].Text);
        Assert.Equal(10, goods.Cells["C" + (header + 5)].Number);
        Assert.Equal("Bahor Textile · 01.11.2026–30.11.2026", goods.Cells["A2"].Text);
    }

    [Fact]
    public void Sheet_names_follow_Excel_rules()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Assert.Equal("ABC XYZ матрица", XlsxTableWriter.SheetName("ABC/XYZ матрица", taken));
        Assert.Equal("abc xyz матрица 2", XlsxTableWriter.SheetName("abc:xyz матрица", taken));
        var longName = XlsxTableWriter.SheetName(new string('Ж', 40), taken);
        Assert.Equal(31, longName.Length);
        Assert.Equal(31, XlsxTableWriter.SheetName(new string('Ж', 40), taken).Length);
        Assert.Equal("AA", XlsxTableWriter.ColumnName(26));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var bad = new ReportTable("x", [new TableColumn("a", CellKind.Text)], [["a", "b"]]);
        Assert.Throws<ArgumentException>(() => PdfTableWriter.Write(Report(1) with { Tables = [bad] }));
    }
}
