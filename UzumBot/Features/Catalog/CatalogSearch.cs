using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace UzumBot.Features.Catalog;

/// <summary>
/// 🔍 over the cached catalogue: every word of the query must occur in the product's title, a SKU's codes
/// (<c>skuFullTitle</c>, <c>sellerItemCode</c>, <c>article</c>) or barcode. Case does not matter, Uzbek
/// apostrophes (ʻ ' ‘ ’ `) are one letter-mark, and Cyrillic and Latin meet in a transliteration, so
/// "futbolka" finds the Cyrillic title of a T-shirt, and a Cyrillic code part finds the same code typed in Latin.
/// </summary>
public static class CatalogSearch
{
    public const int MaxQueryLength = 100;

    /// <summary>Each product's folded text, computed once while the cached catalogue lives (then collected with it).</summary>
    private static readonly ConditionalWeakTable<CatalogProduct, Folded> Haystacks = new();

    public static IReadOnlyList<CatalogProduct> Find(IEnumerable<CatalogProduct> products, string query)
    {
        var words = Words(query);
        if (words.Count == 0) return [];
        return products.Where(p =>
        {
            var haystack = Haystacks.GetValue(p, Haystack);
            return words.All(w => haystack.Plain.Contains(w.Plain, StringComparison.Ordinal)
                                  || haystack.Latin.Contains(w.Latin, StringComparison.Ordinal));
        }).ToList();
    }

    /// <summary>The query as the user will see it echoed: trimmed, inner whitespace folded, at most <see cref="MaxQueryLength"/> characters.</summary>
    public static string Clean(string query)
    {
        var folded = string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return folded.Length <= MaxQueryLength ? folded : folded[..MaxQueryLength];
    }

    private sealed record Folded(string Plain, string Latin);

    private static List<Folded> Words(string query) =>
        Clean(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Fold(w)).Where(f => f.Plain.Length > 0).ToList();

    private static Folded Haystack(CatalogProduct p)
    {
        var sb = new StringBuilder(p.Title).Append(' ').Append(p.Card.SkuTitle).Append(' ').Append(p.Id.ToString(CultureInfo.InvariantCulture));
        foreach (var sku in p.Skus)
            sb.Append(' ').Append(sku.SkuFullTitle).Append(' ').Append(sku.SkuTitle).Append(' ').Append(sku.SellerItemCode)
              .Append(' ').Append(sku.Article).Append(' ').Append(sku.Barcode);
        return Fold(sb.ToString());
    }

    private static Folded Fold(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (IsApostrophe(c)) continue;
            plain.Append(c == 'ё' ? 'е' : c);
        }
        var latin = new StringBuilder(plain.Length + 8);
        foreach (var c in plain.ToString()) latin.Append(Transliterate(c));
        return new Folded(plain.ToString(), latin.ToString());
    }

    private static bool IsApostrophe(char c) => c is '\'' or '`' or 'ʻ' or 'ʼ' or '‘' or '’' or 'ʹ' or '´';

    /// <summary>Russian and Uzbek Cyrillic to the Uzbek Latin spelling sellers type (apostrophes already dropped).</summary>
    private static string Transliterate(char c) => c switch
    {
        'а' => "a", 'б' => "b", 'в' => "v", 'г' => "g", 'д' => "d", 'е' => "e", 'ж' => "j", 'з' => "z", 'и' => "i",
        'й' => "y", 'к' => "k", 'л' => "l", 'м' => "m", 'н' => "n", 'о' => "o", 'п' => "p", 'р' => "r", 'с' => "s",
        'т' => "t", 'у' => "u", 'ф' => "f", 'х' => "x", 'ц' => "ts", 'ч' => "ch", 'ш' => "sh", 'щ' => "sh", 'ъ' => "",
        'ы' => "i", 'ь' => "", 'э' => "e", 'ю' => "yu", 'я' => "ya", 'ў' => "o", 'қ' => "q", 'ғ' => "g", 'ҳ' => "h",
        _ => c.ToString(),
    };
}
