using System.Globalization;
using System.Text;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;

namespace UzumBot.Features.Admin;

/// <summary>The operator's screens, built from data already read. Shop names and other outside values are HTML-encoded here.</summary>
public sealed class AdminScreens(Lang lang, DateTimeOffset now)
{
    public const int PageSize = 10;
    private const int ButtonNameLength = 28;

    private string T(string key) => Strings.Instance[lang, key];

    private string F(string key, params object?[] args) => Strings.Instance.Format(lang, key, args);

    public Screen Home(AdminStats stats)
    {
        var plans = string.Join(" · ", Plans.All.Select(p => $"{p} {Formats.Number(stats.ByPlan.GetValueOrDefault(p))}"));
        var text = new StringBuilder(T("admin.title"))
            .Append('\n').Append(F("admin.home.tenants", Formats.Number(stats.Tenants), Formats.Number(stats.Members)))
            .Append('\n').Append(F("admin.home.plans", plans))
            .Append('\n').Append(F("admin.home.trials", Formats.Number(stats.OnTrial), Formats.Number(stats.TrialsEndingSoon)));
        var keyboard = new Keyboard().Row(
            new Button(T("admin.button.code"), CallbackData.Encode(AdminFeature.CodePresets)),
            new Button(T("admin.button.clients"), CallbackData.Encode(AdminFeature.Clients, 0)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen CodePresets()
    {
        var keyboard = new Keyboard()
            .Row(CodePreset.All.Select((p, i) => new Button(T(p.LabelKey), CallbackData.Encode(AdminFeature.CreateCode, i))).ToArray())
            .Row(BackHome());
        return new Screen(T("admin.code.title"), keyboard.Build());
    }

    /// <summary>
    /// The new code, shown this once (only its hash is stored). Its one button opens the panel as a new message, so
    /// the code stays in the chat to copy or forward instead of being edited away.
    /// </summary>
    public Screen CodeCreated(string code, int uses, DateTimeOffset expiresAt, string? startLink)
    {
        var text = new StringBuilder(F("admin.code.created", Html.Encode(code), Formats.Number(uses), Formats.DateTime(expiresAt)));
        if (startLink is not null) text.Append('\n').Append(F("admin.code.link", Html.Encode(startLink)));
        text.Append("\n\n").Append(T("admin.code.once"));
        return new Screen(text.ToString(), new Keyboard().Row(new Button(T("admin.button.home"), CallbackData.Encode(AdminFeature.Home, AdminFeature.AsNew))).Build());
    }

    public Screen ClientList(IReadOnlyList<ClientRow> clients, int page)
    {
        var pages = Math.Max(1, (clients.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var shown = clients.Skip(page * PageSize).Take(PageSize).ToArray();

        var text = new StringBuilder(F("admin.clients.title", Formats.Number(clients.Count), F("paging.page", page + 1, pages)));
        if (clients.Count == 0) text.Append("\n\n").Append(T("admin.clients.none"));
        var keyboard = new Keyboard();
        for (var i = 0; i < shown.Length; i++)
        {
            var row = shown[i];
            var number = page * PageSize + i + 1;
            text.Append("\n\n").Append(number).Append(". ").Append(row.Tenant.IsDemo ? "🧪 " : "").Append("<b>").Append(Html.Encode(ShopNames(row.Tenant))).Append("</b>")
                .Append("\n   ").Append(PlanText(row.Tenant))
                .Append(" · 👥 ").Append(Formats.Number(row.Members))
                .Append(" · 🕒 ").Append(LastSeen(row.LastSeenAt));
            keyboard.Row(new Button($"{number}. {Shorten(ShopNames(row.Tenant))}", CallbackData.Encode(AdminFeature.Client, row.Tenant.Id, page)));
        }
        if (pages > 1)
        {
            keyboard.Row(
                new Button("◀️", CallbackData.Encode(AdminFeature.Clients, (page - 1 + pages) % pages)),
                new Button($"{page + 1}/{pages}", CallbackData.Encode(AdminFeature.Clients, page)),
                new Button("▶️", CallbackData.Encode(AdminFeature.Clients, (page + 1) % pages)));
        }
        keyboard.Row(BackHome());
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen ClientCard(ClientRow row, int backPage)
    {
        var tenant = row.Tenant;
        var text = new StringBuilder(F("admin.card.title", Html.Encode(ShopNames(tenant))));
        if (tenant.IsDemo) text.Append('\n').Append(T("admin.card.demo"));
        text.Append('\n').Append(F("admin.card.created", Formats.DateTime(Utc(tenant.CreatedAt))))
            .Append('\n').Append(F("admin.card.owner", Html.Encode(tenant.OwnerUserId)))
            .Append('\n').Append(F("admin.card.members", Formats.Number(row.Members), LastSeen(row.LastSeenAt)))
            .Append("\n\n").Append(F("admin.card.plan", PlanText(tenant)))
            .Append("\n\n").Append(T("admin.card.limits"));
        foreach (var plan in Plans.All) text.Append('\n').Append(LimitsLine(Plans.Limits(plan)));
        text.Append("\n\n").Append(T("admin.card.choose"));

        var current = TrialEnd(tenant, now) is null ? Plans.Effective(tenant, now) : null;
        var keyboard = new Keyboard()
            .Row(Plans.All.Select(p => new Button((p == current ? "✅ " : "") + p, CallbackData.Encode(AdminFeature.SetPlan, tenant.Id, p, backPage))).ToArray())
            .Row(new Button(T("admin.button.back_clients"), CallbackData.Encode(AdminFeature.Clients, backPage)))
            .Row(BackHome());
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen NotFound() =>
        new(T("admin.not_found"), new Keyboard().Row(new Button(T("admin.button.back_clients"), CallbackData.Encode(AdminFeature.Clients, 0))).Row(BackHome()).Build());

    /// <summary>The plan in force, with the trial end when on a trial or the date a trial ran out.</summary>
    public string PlanText(TenantDocument tenant)
    {
        var effective = Plans.Effective(tenant, now);
        if (TrialEnd(tenant, now) is { } end) return F("admin.plan.trial", effective, Formats.Date(end));
        if (tenant.TrialEndsAt is { } ended) return F("admin.plan.trial_over", effective, Formats.Date(Utc(ended)));
        return effective;
    }

    public string LimitsLine(PlanLimits limits) =>
        F("admin.limits.line", limits.Name, Amount(limits.MaxShops), Amount(limits.OrdersShownPerMonth),
            T(limits.Reports ? "admin.yes" : "admin.no"), T(limits.Automation ? "admin.yes" : "admin.no"));

    /// <summary>When a running trial ends; null when there is none or it ran out.</summary>
    public static DateTimeOffset? TrialEnd(TenantDocument tenant, DateTimeOffset now) =>
        tenant.TrialEndsAt is { } end && Utc(end) > now ? Utc(end) : null;

    public static string ShopNames(TenantDocument tenant) =>
        tenant.Shops.Count == 0 ? tenant.Id : string.Join(", ", tenant.Shops.Select(s => s.Name));

    private Button BackHome() => new(T("admin.button.home"), CallbackData.Encode(AdminFeature.Home));

    private string Amount(int value) => value == int.MaxValue ? T("admin.limits.unlimited") : Formats.Number(value);

    private string LastSeen(DateTime? at) => at is { } seen ? Formats.DateTime(Utc(seen)) : T("admin.never");

    /// <summary>Cut by text elements, so an emoji in a shop name is never split in half.</summary>
    private static string Shorten(string name)
    {
        var info = new StringInfo(name);
        return info.LengthInTextElements <= ButtonNameLength ? name : info.SubstringByTextElements(0, ButtonNameLength - 1) + "…";
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
