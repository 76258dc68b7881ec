using System.Globalization;
using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Team;

/// <summary>A member as the team screens show them.</summary>
public sealed record TeamMember(long UserId, string? DisplayName, Role Role, DateTimeOffset JoinedAt, DateTimeOffset? LastSeenAt);

/// <summary>An open invite; <see cref="Ref"/> is the short hash prefix its buttons carry (never the code).</summary>
public sealed record TeamInvite(string Ref, Role Role, int UsesLeft, int Uses, DateTimeOffset ExpiresAt);

/// <summary>The 👥 Team screens, built from data already loaded. Every outside value is HTML-encoded here.</summary>
public sealed class TeamScreens(Lang lang)
{
    public const int AuditPageSize = 10;
    public const int MaxMembersShown = 30;
    public const int MaxInvitesShown = 10;
    private const int MaxNameInButton = 24;
    // 30 members of two lines each stay under Telegram's 4096 characters only with names kept short.
    private const int MaxNameInText = 32;

    private static Strings S => Strings.Instance;

    private string T(string key) => S[lang, key];

    private string F(string key, params object?[] args) => S.Format(lang, key, args);

    public Screen Home(string shopTitle, IReadOnlyList<TeamMember> members, IReadOnlyList<TeamInvite> invites, long selfUserId)
    {
        var text = new StringBuilder(F("team.title", Html.Encode(shopTitle)))
            .Append("\n\n").Append(F("team.members", members.Count));
        foreach (var member in members.Take(MaxMembersShown))
        {
            text.Append('\n').Append(F("team.member_line", Emoji(member.Role), Html.Encode(Shorten(Name(member), MaxNameInText)), RoleName(member.Role)))
                .Append('\n').Append(F("team.member_dates", Formats.Date(member.JoinedAt), LastSeen(member, Formats.ShortDateTime)));
        }
        if (members.Count > MaxMembersShown) text.Append('\n').Append(F("team.more", members.Count - MaxMembersShown));

        text.Append("\n\n").Append(invites.Count == 0 ? T("team.invites_none") : F("team.invites", invites.Count));
        foreach (var invite in invites.Take(MaxInvitesShown)) text.Append('\n').Append(InviteLine(invite));
        if (invites.Count > MaxInvitesShown) text.Append('\n').Append(F("team.more", invites.Count - MaxInvitesShown));

        var keyboard = new Keyboard()
            .Row(new Button(T("team.invite_button"), CallbackData.Encode(TeamFeature.Invite)),
                 new Button(T("team.audit_button"), CallbackData.Encode(TeamFeature.Audit, 0)))
            .Grid(members.Take(MaxMembersShown).Where(m => m.UserId != selfUserId).Select(m =>
                new Button($"{Emoji(m.Role)} {Shorten(Name(m), MaxNameInButton)}", CallbackData.Encode(TeamFeature.Member, m.UserId))), 2);
        foreach (var invite in invites.Take(MaxInvitesShown))
            keyboard.Row(new Button(F("team.revoke_button", RoleName(invite.Role), Formats.ShortDateTime(invite.ExpiresAt)),
                CallbackData.Encode(TeamFeature.Revoke, invite.Ref)));
        keyboard.Row(MenuScreens.BackToMenu(lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen ChooseRole() => new(
        T("team.invite.title") + "\n" + T("team.invite.choose_role"),
        new Keyboard()
            .Row(new Button(Emoji(Role.Manager) + " " + RoleName(Role.Manager), CallbackData.Encode(TeamFeature.Invite, TeamFeature.RoleCode(Role.Manager))),
                 new Button(Emoji(Role.Viewer) + " " + RoleName(Role.Viewer), CallbackData.Encode(TeamFeature.Invite, TeamFeature.RoleCode(Role.Viewer))))
            .Row(BackToTeam()).Build());

    public Screen ChooseExpiry(Role role) => new(
        T("team.invite.title") + " · " + RoleName(role) + "\n" + T("team.invite.choose_expiry"),
        new Keyboard()
            .Grid(TeamFeature.ExpiryHours.Select(h => new Button(ExpiryName(h), CallbackData.Encode(TeamFeature.Invite, TeamFeature.RoleCode(role), h))), 4)
            .Row(BackToTeam()).Build());

    public Screen ChooseUses(Role role, int hours) => new(
        T("team.invite.title") + " · " + RoleName(role) + " · " + ExpiryName(hours) + "\n" + T("team.invite.choose_uses"),
        new Keyboard()
            .Grid(TeamFeature.UseCounts.Select(n => new Button(F("team.uses", n), CallbackData.Encode(TeamFeature.Invite, TeamFeature.RoleCode(role), hours, n))), 3)
            .Row(BackToTeam()).Build());

    /// <summary>The only place the code is ever shown.</summary>
    public Screen InviteCreated(string code, string? deepLink, Role role, DateTimeOffset expiresAt, int uses)
    {
        var text = new StringBuilder(T("team.invite.created"))
            .Append('\n').Append(F("team.invite.role", RoleName(role)))
            .Append('\n').Append(F("team.invite.expires", Formats.DateTime(expiresAt)))
            .Append('\n').Append(F("team.invite.uses", uses))
            .Append("\n\n").Append(F("team.invite.code", Html.Encode(code)))
            .Append('\n').Append(deepLink is null ? T("team.invite.no_link") : F("team.invite.link", Html.Encode(deepLink)))
            .Append("\n\n").Append(T("team.invite.shown_once"));
        return new Screen(text.ToString(), new Keyboard().Row(BackToTeam()).Build());
    }

    public Screen MemberCard(TeamMember member, bool isOwner)
    {
        var text = new StringBuilder()
            .Append(F("team.member_line", Emoji(member.Role), Html.Encode(Name(member)), RoleName(member.Role)))
            .Append('\n').Append(F("team.member.joined", Formats.DateTime(member.JoinedAt)))
            .Append('\n').Append(F("team.member.last_seen", LastSeen(member, Formats.DateTime)));
        var keyboard = new Keyboard();
        if (!isOwner)
        {
            var other = member.Role == Role.Manager ? Role.Viewer : Role.Manager;
            keyboard.Row(
                new Button(F("team.member.make", RoleName(other)), CallbackData.Encode(TeamFeature.SetRole, member.UserId, TeamFeature.RoleCode(other))),
                new Button(T("team.member.remove"), CallbackData.Encode(TeamFeature.Remove, member.UserId)));
        }
        keyboard.Row(BackToTeam());
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen ConfirmRemove(TeamMember member) => new(
        F("team.member.remove_confirm", Html.Encode(Name(member)), RoleName(member.Role)),
        new Keyboard()
            .Row(new Button(T("team.member.remove_yes"), CallbackData.Encode(TeamFeature.RemoveConfirmed, member.UserId)),
                 new Button(T("team.no"), CallbackData.Encode(TeamFeature.Member, member.UserId)))
            .Build());

    public Screen ConfirmRevoke(TeamInvite invite) => new(
        T("team.invite.revoke_confirm") + "\n" + InviteLine(invite),
        new Keyboard()
            .Row(new Button(T("team.invite.revoke_yes"), CallbackData.Encode(TeamFeature.RevokeConfirmed, invite.Ref)),
                 new Button(T("team.no"), CallbackData.Encode(TeamFeature.Home)))
            .Build());

    /// <summary>The audit log, newest first, <see cref="AuditPageSize"/> a page; <paramref name="names"/> maps user ids to display names.</summary>
    public Screen AuditLog(string shopTitle, IReadOnlyList<AuditDocument> entries, IReadOnlyDictionary<long, string?> names, int page)
    {
        var pages = Math.Max(1, (entries.Count + AuditPageSize - 1) / AuditPageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var text = new StringBuilder(F("team.audit.title", Html.Encode(shopTitle)))
            .Append(" · ").Append(F("paging.page", page + 1, pages));
        if (entries.Count == 0) text.Append("\n\n").Append(T("team.audit.none"));
        foreach (var entry in entries.Skip(page * AuditPageSize).Take(AuditPageSize))
        {
            text.Append('\n').Append(entry.Success ? "✅" : "❌").Append(' ')
                .Append(Formats.ShortDateTime(Utc(entry.At))).Append(" · ").Append(ActionName(entry.Action))
                .Append(" · ").Append(Who(entry.UserId, names));
            if (!string.IsNullOrWhiteSpace(entry.Detail)) text.Append(" · ").Append(Detail(entry.Detail, names));
        }

        var keyboard = new Keyboard();
        if (pages > 1)
        {
            keyboard.Row(
                new Button("◀️", CallbackData.Encode(TeamFeature.Audit, (page - 1 + pages) % pages)),
                new Button($"{page + 1}/{pages}", CallbackData.Encode(MenuFeature.Noop)),
                new Button("▶️", CallbackData.Encode(TeamFeature.Audit, (page + 1) % pages)));
        }
        keyboard.Row(BackToTeam());
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen MemberNotFound() => new(T("team.member.not_found"), new Keyboard().Row(BackToTeam()).Build());

    public Screen InviteNotFound() => new(T("team.invite.not_found"), new Keyboard().Row(BackToTeam()).Build());

    public Button BackToTeam() => new(T("team.back"), CallbackData.Encode(TeamFeature.Home));

    public string RoleName(Role role) => role switch
    {
        Role.Owner => T("role.owner"),
        Role.Manager => T("role.manager"),
        _ => T("role.viewer"),
    };

    public static string Emoji(Role role) => role switch
    {
        Role.Owner => "👑",
        Role.Manager => "🧑‍💼",
        _ => "👁",
    };

    private string InviteLine(TeamInvite invite) =>
        F("team.invite_line", Emoji(invite.Role), RoleName(invite.Role), invite.UsesLeft, invite.Uses, Formats.DateTime(invite.ExpiresAt));

    private string ExpiryName(int hours) => T("team.expiry.h" + hours.ToString(CultureInfo.InvariantCulture));

    private string ActionName(string action) =>
        S.Has(lang, "team.audit.action." + action) ? T("team.audit.action." + action) : Html.Encode(action);

    private string Who(long userId, IReadOnlyDictionary<long, string?> names) =>
        names.TryGetValue(userId, out var name) && !string.IsNullOrWhiteSpace(name) ? Html.Encode(name) : F("team.user_id", userId);

    /// <summary>Details are short words (a role, a user id); known ones are shown localized, anything else encoded.</summary>
    private string Detail(string detail, IReadOnlyDictionary<long, string?> names) => string.Join(' ', detail.Split(' ').Select(word =>
        Enum.TryParse<Role>(word, ignoreCase: false, out var role) && Enum.IsDefined(role) && !char.IsDigit(word[0]) ? RoleName(role)
        : long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Who(id, names)
        : Html.Encode(word)));

    private string LastSeen(TeamMember member, Func<DateTimeOffset, string> format) =>
        member.LastSeenAt is { } seen ? format(seen) : T("team.never");

    private string Name(TeamMember member) =>
        string.IsNullOrWhiteSpace(member.DisplayName) ? F("team.user_id", member.UserId) : member.DisplayName;

    private static string Shorten(string name, int max)
    {
        if (name.Length <= max) return name;
        var cut = max - 1;
        if (char.IsHighSurrogate(name[cut - 1])) cut--; // never split an emoji in half
        return name[..cut] + "…";
    }

    /// <summary>LiteDB may hand dates back as local time; stored values are UTC.</summary>
    internal static DateTimeOffset Utc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? new DateTimeOffset(value.ToUniversalTime()) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
