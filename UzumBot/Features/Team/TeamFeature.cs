using Microsoft.Extensions.DependencyInjection;
using UzumBot.Conversation;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Team;

/// <summary>
/// 👥 Team (owner only): members with their roles, invites (the code shown once), role changes, removal, the audit
/// log. Every command needs <see cref="Permission.ManageTeam"/>; ids in callbacks are checked against the tenant.
/// </summary>
public sealed class TeamFeature(
    Database db,
    AccessCodeStore codes,
    AuditLog audit,
    TokenVault vault,
    UnlockedSessions sessions,
    BotIdentity identity,
    TimeProvider time) : IFeature
{
    public const string Home = "tm";
    public const string Invite = "tmi";
    public const string Member = "tmm";
    public const string SetRole = "tmr";
    public const string Remove = "tmd";
    public const string RemoveConfirmed = "tmx";
    public const string Revoke = "tmv";
    public const string RevokeConfirmed = "tmy";
    public const string Audit = "tma";

    /// <summary>Hex characters of the code's hash that name an invite in callback data.</summary>
    public const int InviteRefLength = 12;

    public static readonly IReadOnlyList<int> ExpiryHours = [1, 24, 24 * 7, 24 * 30];
    public static readonly IReadOnlyList<int> UseCounts = [1, 3, 10];

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new[]
    {
        Home, Invite, Member, SetRole, Remove, RemoveConfirmed, Revoke, RevokeConfirmed, Audit,
    }.ToDictionary(c => c, _ => Permission.ManageTeam);

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new TeamScreens(session.Lang);
        switch (command.Name)
        {
            case Home:
                return Reply.Of(HomeScreen(session, screens));
            case Invite:
                return await InviteAsync(session, screens, command, ct);
            case Member:
                return FindMember(session, command.LongArg(0)) is { } card
                    ? Reply.Of(screens.MemberCard(card, IsOwner(session, card)))
                    : Reply.Of(screens.MemberNotFound());
            case SetRole:
                return ChangeRole(session, screens, command);
            case Remove:
            case RemoveConfirmed:
                return RemoveMember(session, screens, command);
            case Revoke:
            case RevokeConfirmed:
                return RevokeInvite(session, screens, command);
            case Audit:
                return Reply.Of(screens.AuditLog(session.ShopTitle, audit.Latest(session.Tenant.Id), Names(session), command.IntArg(0) ?? 0));
            default:
                return Reply.Of(HomeScreen(session, screens)) with { Notice = session.T("common.stale") };
        }
    }

    private Screen HomeScreen(SessionContext session, TeamScreens screens) =>
        screens.Home(session.ShopTitle, Members(session), OpenInvites(session), session.Member.UserId);

    /// <summary>tmi → role; tmi:m → expiry; tmi:m:24 → uses; tmi:m:24:3 → the invite. Only the offered values are accepted.</summary>
    private async Task<Reply> InviteAsync(SessionContext session, TeamScreens screens, CallbackCommand command, CancellationToken ct)
    {
        if (command.Args.Count == 0) return Reply.Of(screens.ChooseRole());
        if (ParseRole(command.Arg(0)) is not { } role) return Stale(session);
        if (command.Args.Count == 1) return Reply.Of(screens.ChooseExpiry(role));
        if (command.IntArg(1) is not { } hours || !ExpiryHours.Contains(hours)) return Stale(session);
        if (command.Args.Count == 2) return Reply.Of(screens.ChooseUses(role, hours));
        if (command.IntArg(2) is not { } uses || !UseCounts.Contains(uses)) return Stale(session);

        var tenantId = session.Tenant.Id;
        var key = session.Unlocked.Key;
        var validFor = TimeSpan.FromHours(hours);
        var expiresAt = time.GetUtcNow() + validFor;
        // PBKDF2 for the code's key wrap takes a fraction of a second: keep it off the chat's thread.
        var code = await Task.Run(() => codes.CreateInvite(tenantId, role, uses, validFor, session.Member.UserId,
            c => vault.WrapWithCode(key, c, tenantId)), ct);
        audit.Record(AuditActions.InviteCreated, session.Member.UserId, session.Update.ChatId, tenantId: tenantId, detail: role.ToString());
        return Reply.Of(screens.InviteCreated(code, identity.StartLink(code), role, expiresAt, uses));
    }

    private Reply ChangeRole(SessionContext session, TeamScreens screens, CallbackCommand command)
    {
        if (FindMember(session, command.LongArg(0)) is not { } member) return Reply.Of(screens.MemberNotFound());
        if (IsOwner(session, member)) return new Reply { Notice = session.T("team.owner_fixed") };
        if (ParseRole(command.Arg(1)) is not { } role) return Stale(session);

        if (db.Members.FindById(member.UserId) is not { } doc) return Reply.Of(screens.MemberNotFound());
        if (doc.Role != role.ToString())
        {
            db.UpdateMember(doc.UserId, m => m.Role = role.ToString());
            audit.Record(AuditActions.RoleChanged, session.Member.UserId, session.Update.ChatId, tenantId: session.Tenant.Id,
                detail: $"{member.UserId} {role}");
        }
        return new Reply { Screen = screens.MemberCard(member with { Role = role }, isOwner: false), Notice = session.F("team.member.role_changed", screens.RoleName(role)) };
    }

    private Reply RemoveMember(SessionContext session, TeamScreens screens, CallbackCommand command)
    {
        if (FindMember(session, command.LongArg(0)) is not { } member) return Reply.Of(screens.MemberNotFound());
        if (IsOwner(session, member)) return new Reply { Notice = session.T("team.owner_fixed") };
        if (command.Name == Remove) return Reply.Of(screens.ConfirmRemove(member));

        // The member document holds their only wrap of the data key: deleting it is what takes the access away.
        db.Members.Delete(member.UserId);
        sessions.Lock(member.UserId);
        audit.Record(AuditActions.MemberRemoved, session.Member.UserId, session.Update.ChatId, tenantId: session.Tenant.Id,
            detail: $"{member.UserId} {member.Role}");
        return new Reply { Screen = HomeScreen(session, screens), Notice = session.T("team.member.removed") };
    }

    private Reply RevokeInvite(SessionContext session, TeamScreens screens, CallbackCommand command)
    {
        var invite = FindInvite(session, command.Arg(0));
        if (invite is null) return Reply.Of(screens.InviteNotFound());
        if (command.Name == Revoke) return Reply.Of(screens.ConfirmRevoke(ToInvite(invite)));

        codes.Revoke(session.Tenant.Id, invite.Hash);
        audit.Record(AuditActions.InviteRevoked, session.Member.UserId, session.Update.ChatId, tenantId: session.Tenant.Id, detail: invite.Role);
        return new Reply { Screen = HomeScreen(session, screens), Notice = session.T("team.invite.revoked") };
    }

    /// <summary>A member of the caller's tenant; another tenant's id is "not found" like a missing one.</summary>
    private TeamMember? FindMember(SessionContext session, long? userId) =>
        userId is { } id && db.Members.FindById(id) is { } doc && doc.TenantId == session.Tenant.Id ? ToMember(doc) : null;

    private AccessCodeDocument? FindInvite(SessionContext session, string? reference)
    {
        if (reference is not { Length: InviteRefLength } || !reference.All(Uri.IsHexDigit)) return null;
        var matches = codes.OpenInvites(session.Tenant.Id).Where(c => c.Hash.StartsWith(reference, StringComparison.Ordinal)).Take(2).ToArray();
        return matches.Length == 1 ? matches[0] : null;
    }

    private static bool IsOwner(SessionContext session, TeamMember member) =>
        member.Role == Role.Owner || member.UserId == session.Member.UserId || member.UserId == session.Tenant.OwnerUserId;

    private IReadOnlyList<TeamMember> Members(SessionContext session) =>
        db.Members.Find(m => m.TenantId == session.Tenant.Id).Select(ToMember)
            .OrderBy(m => m.Role).ThenBy(m => m.JoinedAt).ToArray();

    private IReadOnlyDictionary<long, string?> Names(SessionContext session) =>
        db.Members.Find(m => m.TenantId == session.Tenant.Id).ToDictionary(m => m.UserId, m => m.DisplayName);

    private IReadOnlyList<TeamInvite> OpenInvites(SessionContext session) =>
        codes.OpenInvites(session.Tenant.Id).Select(ToInvite).ToArray();

    private static TeamMember ToMember(MemberDocument doc) => new(
        doc.UserId,
        doc.DisplayName,
        Enum.TryParse<Role>(doc.Role, out var role) ? role : Role.Viewer,
        TeamScreens.Utc(doc.CreatedAt),
        doc.LastSeenAt is { } seen ? TeamScreens.Utc(seen) : null);

    private static TeamInvite ToInvite(AccessCodeDocument doc) => new(
        doc.Hash[..InviteRefLength],
        Enum.TryParse<Role>(doc.Role, out var role) ? role : Role.Viewer,
        doc.UsesLeft,
        doc.Uses,
        TeamScreens.Utc(doc.ExpiresAt));

    private static Reply Stale(SessionContext session) => new() { Notice = session.T("common.stale") };

    public static string RoleCode(Role role) => role == Role.Manager ? "m" : "v";

    private static Role? ParseRole(string? code) => code switch
    {
        "m" => Role.Manager,
        "v" => Role.Viewer,
        _ => null,
    };
}

public static class TeamServices
{
    public static IServiceCollection AddTeam(this IServiceCollection services)
    {
        services.AddSingleton<TeamFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<TeamFeature>());
        return services;
    }
}
