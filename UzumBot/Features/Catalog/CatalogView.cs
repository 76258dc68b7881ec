using System.Globalization;

namespace UzumBot.Features.Catalog;

/// <summary>
/// Where a card was opened from, so its ⬅️ goes back there: a catalogue page (filter, sort, page) or a page of
/// search results (the query's short server-side key). Written into callback data as one token without ':',
/// e.g. <c>l.v.o.3</c> or <c>q.17.0</c>.
/// </summary>
public sealed record CatalogView(CatalogFilter Filter, CatalogSort Sort, int Page, long? QueryKey = null)
{
    public static readonly CatalogView Start = new(CatalogFilter.All, CatalogSort.Default, 0);

    public bool IsSearch => QueryKey is not null;

    public CatalogView WithPage(int page) => this with { Page = page };

    public string Token => QueryKey is { } key
        ? string.Create(CultureInfo.InvariantCulture, $"q.{key}.{Page}")
        : string.Create(CultureInfo.InvariantCulture, $"l.{FilterCode(Filter)}.{SortCode(Sort)}.{Page}");

    public static CatalogView Parse(string? token)
    {
        var parts = (token ?? "").Split('.');
        if (parts is ["q", var key, var page] && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var k))
            return new CatalogView(CatalogFilter.All, CatalogSort.Default, PageOf(page), k);
        if (parts is ["l", var f, var s, var p] && FilterOf(f) is { } filter && SortOf(s) is { } sort)
            return new CatalogView(filter, sort, PageOf(p));
        return Start;
    }

    public static string FilterCode(CatalogFilter filter) => filter switch
    {
        CatalogFilter.Active => "v",
        CatalogFilter.OutOfStock => "o",
        CatalogFilter.Problems => "w",
        CatalogFilter.Archive => "r",
        _ => "a",
    };

    public static CatalogFilter? FilterOf(string? code) =>
        Enum.GetValues<CatalogFilter>().Cast<CatalogFilter?>().FirstOrDefault(f => FilterCode(f!.Value) == code);

    public static string SortCode(CatalogSort sort) => sort switch
    {
        CatalogSort.Orders => "o",
        CatalogSort.Price => "p",
        CatalogSort.Stock => "s",
        _ => "d",
    };

    public static CatalogSort? SortOf(string? code) =>
        Enum.GetValues<CatalogSort>().Cast<CatalogSort?>().FirstOrDefault(s => SortCode(s!.Value) == code);

    private static int PageOf(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 0;
}
