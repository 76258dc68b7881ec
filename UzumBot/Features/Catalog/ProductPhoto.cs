namespace UzumBot.Features.Catalog;

/// <summary>
/// The picture of a product as a URL Telegram can fetch. Product-level <c>image</c> is already complete; a SKU's
/// <c>previewImage</c> is a bare key URL that 404s until a size suffix is appended (540 px, high quality).
/// </summary>
public static class ProductPhoto
{
    public const string SizeSuffix = "t_product_540_high.jpg";

    public static string? UrlFor(CatalogProduct product) =>
        Complete(product.Card.Image)
        ?? product.Skus.Select(s => Complete(s.PreviewImage)).FirstOrDefault(u => u is not null)
        ?? Complete(product.Card.PreviewImg);

    /// <summary>An http(s) URL with a file name kept (small previews upgraded to 540 px); a bare key gets the suffix.</summary>
    public static string? Complete(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return null;
        var text = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var last = text[(text.LastIndexOf('/') + 1)..];
        if (!last.Contains('.')) return text + "/" + SizeSuffix;
        return last.StartsWith("t_product_", StringComparison.Ordinal) ? text[..^last.Length] + SizeSuffix : text;
    }
}
