using UzumBot.Documents;
using UzumBot.Localization;

namespace UzumBot.Features.Reports;

/// <summary>The words every PDF/XLSX carries (generated at, page N of M, no data), in the member's language.</summary>
public static class DocumentText
{
    public static TableReport Report(SessionContext session, string title, string shopName, string? period, DateTimeOffset generatedAt, IReadOnlyList<ReportTable> tables) =>
        new(title, shopName, period, session.F("reports.doc.generated", Formats.DateTime(generatedAt)),
            session.T("reports.doc.page"), session.T("reports.doc.empty"), tables);

    /// <summary>The shop's name as the session knows it, its id when the name is unknown.</summary>
    public static string ShopName(SessionContext session, long shopId) =>
        session.Tenant.Shops.FirstOrDefault(s => s.Id == shopId)?.Name ?? shopId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
