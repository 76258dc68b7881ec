using Microsoft.Extensions.Options;
using UzumBot.Hosting;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Admin;

/// <summary>
/// The operator's /admin: figures, owner codes, the client list and plan changes. The engine routes here only for
/// Bot:AdminIds; the feature checks again, so a wiring mistake cannot open it to anyone else.
/// </summary>
public sealed class AdminFeature(
    Database db,
    AccessCodeStore codes,
    AuditLog audit,
    BotIdentity identity,
    IOptions<BotOptions> options,
    TimeProvider time) : IOperatorFeature
{
    public const string Home = "ad";
    public const string CodePresets = "adc";
    public const string CreateCode = "adn";
    public const string Clients = "adl";
    public const string Client = "adt";
    public const string SetPlan = "adp";
    /// <summary>Argument of <see cref="Home"/>: open the panel as a new message (below a code, which must stay).</summary>
    public const string AsNew = "n";

    /// <summary>Not in AuditActions (Storage is not ours): an owner code issued by the operator. The detail never holds the code.</summary>
    public const string OwnerCodeCreated = "code.owner.created";

    public string TextCommand => "/admin";

    public IReadOnlyCollection<string> Commands { get; } = [Home, CodePresets, CreateCode, Clients, Client, SetPlan];

    public Task<Reply> HandleAsync(OperatorContext context, CallbackCommand? command, CancellationToken ct)
    {
        if (!options.Value.AdminIds.Contains(context.Update.UserId)) return Task.FromResult(Reply.Nothing);
        var now = time.GetUtcNow();
        var screens = new AdminScreens(context.Lang, now);
        var reply = command?.Name switch
        {
            null => Reply.Of(HomeScreen(screens, now)),
            Home => Reply.Of(HomeScreen(screens, now)) with { AsNewMessage = command.Arg(0) == AsNew },
            CodePresets => Reply.Of(screens.CodePresets()),
            CreateCode => NewCode(context, screens, command.IntArg(0), now),
            Clients => Reply.Of(screens.ClientList(ClientRows(), command.IntArg(0) ?? 0)),
            Client => Row(command.Arg(0)) is { } row
                ? Reply.Of(screens.ClientCard(row, command.IntArg(1) ?? 0))
                : Reply.Of(screens.NotFound()),
            SetPlan => ChangePlan(context, screens, command.Arg(0), command.Arg(1), command.IntArg(2) ?? 0, now),
            _ => Reply.Of(HomeScreen(screens, now)),
        };
        return Task.FromResult(reply);
    }

    private Reply NewCode(OperatorContext context, AdminScreens screens, int? presetIndex, DateTimeOffset now)
    {
        if (presetIndex is not { } index || index >= CodePreset.All.Count) return Reply.Of(screens.CodePresets());
        var preset = CodePreset.All[index];
        var validFor = TimeSpan.FromDays(preset.Days);
        var code = codes.Create(Role.Owner, preset.Uses, validFor, createdBy: context.Update.UserId);
        audit.Record(OwnerCodeCreated, context.Update.UserId, context.Update.ChatId, detail: $"{preset.Uses}x{preset.Days}d");
        return new Reply
        {
            Screen = screens.CodeCreated(code, preset.Uses, now + validFor, identity.StartLink(code)),
            Notice = context.T("admin.code.notice"),
        };
    }

    private Screen HomeScreen(AdminScreens screens, DateTimeOffset now) =>
        screens.Home(AdminStats.From(db.Tenants.FindAll().ToArray(), db.Members.Count(), now));

    private Reply ChangePlan(OperatorContext context, AdminScreens screens, string? tenantId, string? plan, int backPage, DateTimeOffset now)
    {
        var tenant = tenantId is null ? null : db.Tenants.FindById(tenantId);
        if (tenant is null) return Reply.Of(screens.NotFound());
        if (plan is null || !Plans.All.Contains(plan)) return Reply.Of(screens.ClientCard(RowOf(tenant), backPage));

        var old = Plans.Effective(tenant, now);
        if (old == plan && tenant.TrialEndsAt is null)
            return new Reply { Screen = screens.ClientCard(RowOf(tenant), backPage), Notice = context.T("admin.plan.same") };

        // An operator's choice ends the trial: from now on the plan is exactly what was chosen.
        tenant.Plan = plan;
        tenant.TrialEndsAt = null;
        db.Tenants.Update(tenant);
        audit.Record(AuditActions.PlanChanged, context.Update.UserId, context.Update.ChatId, tenantId: tenant.Id, detail: $"{old}→{plan}");
        return new Reply { Screen = screens.ClientCard(RowOf(tenant), backPage), Notice = context.F("admin.plan.changed", plan) };
    }

    /// <summary>Every tenant, newest first, with its member count and last activity.</summary>
    private IReadOnlyList<ClientRow> ClientRows()
    {
        var members = db.Members.FindAll().GroupBy(m => m.TenantId).ToDictionary(g => g.Key, g => g.ToArray());
        return db.Tenants.FindAll()
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t => Summarize(t, members.GetValueOrDefault(t.Id) ?? []))
            .ToArray();
    }

    private ClientRow? Row(string? tenantId) =>
        tenantId is null ? null : db.Tenants.FindById(tenantId) is { } tenant ? RowOf(tenant) : null;

    private ClientRow RowOf(TenantDocument tenant) => Summarize(tenant, db.Members.Find(m => m.TenantId == tenant.Id).ToArray());

    private static ClientRow Summarize(TenantDocument tenant, IReadOnlyCollection<MemberDocument> members) =>
        new(tenant, members.Count, members.Max(m => m.LastSeenAt));
}
