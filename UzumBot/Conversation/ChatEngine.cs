using Microsoft.Extensions.Logging;
using UzumBot.Features;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// Handles one update of one chat: loads the chat's stored state, rebuilds its machine, lets the onboarding step
/// or the tapped feature answer, saves the chat once. Updates of one chat arrive here strictly in order.
/// </summary>
public sealed class ChatEngine(
    Database db,
    Onboarding onboarding,
    PinDoor door,
    UnlockedSessions sessions,
    UzumClients uzum,
    IEnumerable<IFeature> features,
    IEnumerable<ITextInputFeature> textInputs,
    IEnumerable<IOperatorFeature> operatorFeatures,
    Microsoft.Extensions.Options.IOptions<Hosting.BotOptions> botOptions,
    MenuFeature menu,
    AuditLog audit,
    TimeProvider time,
    ILogger<ChatEngine> log)
{
    private readonly Dictionary<string, IFeature> _byCommand = features
        .SelectMany(f => f.Commands.Keys.Select(c => (c, f)))
        .ToDictionary(x => x.c, x => x.f);

    private static Strings S => Strings.Instance;

    /// <summary>
    /// The answer to a callback query, given at once before any work (T5): "stale" for a button we cannot read,
    /// "not allowed" for a command the member's role lacks, "preparing…" for slow work. Only reads; the real
    /// checks run again when the tap is handled.
    /// </summary>
    public string? Acknowledge(Incoming tap)
    {
        var chat = db.Chats.FindById(tap.ChatId);
        var lang = chat is null ? Lang.Ru : Onboarding.LangOf(chat);
        var command = CallbackData.Decode(tap.CallbackData);
        if (command is null) return S[lang, "common.stale"];
        if (!_byCommand.TryGetValue(command.Name, out var feature)) return null;
        if (db.Members.FindById(tap.UserId) is { } member && Enum.TryParse<Role>(member.Role, out var role)
            && !Permissions.Allows(role, feature.Commands[command.Name]))
            return S[lang, "common.not_allowed"];
        return feature.AcknowledgementKey(command.Name) is { } key ? S[lang, key] : null;
    }

    public ChatDocument? Peek(long chatId) => db.Chats.FindById(chatId);

    public async Task<Reply> HandleAsync(Incoming update, CancellationToken ct)
    {
        var chat = db.Chats.FindById(update.ChatId) ?? new ChatDocument { ChatId = update.ChatId };
        var machine = ChatMachine.For(chat);
        Reply reply;
        try
        {
            reply = await RouteAsync(chat, machine, update, ct);
        }
        catch (UzumUnavailableException ex)
        {
            log.LogWarning("UZUM unavailable for chat {ChatId}: {Message}", update.ChatId, ex.Message);
            reply = Reply.Of(ErrorScreen(chat, "uzum.unavailable", update.CallbackData));
        }
        catch (UzumApiException ex)
        {
            log.LogWarning("UZUM refused a request for chat {ChatId}: {Status} {Code}", update.ChatId, (int)ex.Status, ex.Code);
            var lang = Onboarding.LangOf(chat);
            var key = ex.Code is { } code && S.Has(lang, "uzum.error." + code) ? "uzum.error." + code : "uzum.error.generic";
            reply = Reply.Of(ErrorScreen(chat, key, update.CallbackData));
        }
        chat.UpdatedAt = time.GetUtcNow().UtcDateTime;
        db.Chats.Upsert(chat);
        return reply;
    }

    private async Task<Reply> RouteAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, Incoming update, CancellationToken ct)
    {
        var lang = Onboarding.LangOf(chat);
        var member = db.Members.FindById(update.UserId);

        if (update.Text is { } text && IsStart(text, out var startArg))
        {
            // A member whose key wrap is gone (the owner reconnected the token) comes back through a new invite.
            if (member is null || (member.PinWrap is null && startArg is not null)) return onboarding.Begin(chat, machine, startArg);
            return await ReturningMemberAsync(chat, machine, member, update, ct, asNewMessage: true);
        }

        if (OperatorRoute(chat, update, ct) is { } operatorReply) return await operatorReply;

        if (member is null && chat.UserId is not null && machine.State is ChatState.Ready or ChatState.Locked)
            return AccessRemoved(chat, machine);

        var command = update.IsTap ? CallbackData.Decode(update.CallbackData) : null;
        if (update.IsTap && command is null) return StaleTap(chat);
        if (update.IsTap) chat.Awaiting = null;

        if (command?.Name == MenuFeature.SwitchLanguage)
        {
            chat.Language = lang.Other().Code();
            // "tl:st" switches and redraws the screen it was tapped on (here Settings) instead of the menu.
            if (machine.State == ChatState.Ready && member is not null && command.Arg(0) is { } back && _byCommand.ContainsKey(back))
                return await FeatureAsync(chat, member, new CallbackCommand(back, []), update, ct);
            return await RedrawAsync(chat, machine, member, update, ct);
        }

        switch (machine.State)
        {
            case ChatState.New:
                return member is null ? onboarding.Begin(chat, machine, null) : await ReturningMemberAsync(chat, machine, member, update, ct, asNewMessage: true);

            case ChatState.ChoosingLanguage:
                if (command?.Name == OnboardingScreens.ChooseLanguage && Langs.Parse(command.Arg(0)) is { } chosen)
                    return await onboarding.ChooseLanguageAsync(chat, machine, chosen, update, ct);
                return new Reply { Screen = OnboardingScreens.Welcome(), AsNewMessage = update.Text is not null };

            case ChatState.AwaitingCode:
                if (command?.Name == OnboardingScreens.Back) { machine.Fire(ChatTrigger.Back); return Reply.Of(OnboardingScreens.Welcome()); }
                if (update.Text is { } code) return await onboarding.RedeemCodeAsync(chat, machine, code, update, ct);
                return Reply.Of(OnboardingScreens.AskCode(lang));

            case ChatState.ChoosingMarket:
                if (command?.Name == OnboardingScreens.Back) { machine.Fire(ChatTrigger.Back); return Reply.Of(OnboardingScreens.AskCode(lang)); }
                if (command?.Name == OnboardingScreens.ChooseMarket && command.Arg(0) is "u" or "d")
                    return await onboarding.ChooseMarketAsync(chat, machine, command.Arg(0) == "d", ct);
                return Reply.Of(OnboardingScreens.ChooseMarketScreen(lang));

            case ChatState.AwaitingToken:
                if (command?.Name == OnboardingScreens.Back && Onboarding.IsReconnecting(chat) && member is not null)
                {
                    onboarding.CancelReconnect(chat);
                    return await ReturningMemberAsync(chat, machine, member, update, ct, asNewMessage: false);
                }
                if (command?.Name == OnboardingScreens.Back) { machine.Fire(ChatTrigger.Back); return Reply.Of(OnboardingScreens.ChooseMarketScreen(lang)); }
                if (update.Text is { } pasted) return await onboarding.AcceptTokenAsync(chat, machine, pasted, ct);
                return Reply.Of(OnboardingScreens.AskToken(lang));

            case ChatState.AwaitingPin:
                if (command?.Name == OnboardingScreens.Back) { machine.Fire(ChatTrigger.Back); return Reply.Of(OnboardingScreens.ChooseMarketScreen(lang)); }
                if (update.Text is { } pin) return onboarding.AcceptFirstPin(chat, machine, pin);
                return Reply.Of(OnboardingScreens.AskPin(lang, null));

            case ChatState.AwaitingPinRepeat:
                if (command?.Name == OnboardingScreens.Back) { machine.Fire(ChatTrigger.Back); return Reply.Of(OnboardingScreens.AskPin(lang, null)); }
                if (update.Text is { } repeat)
                    return await onboarding.ConfirmPinAsync(chat, machine, repeat, update, () => MenuReplyAsync(chat, update, ct));
                return Reply.Of(OnboardingScreens.AskPinRepeat(lang));

            case ChatState.Locked:
                if (member is null) return onboarding.Begin(chat, machine, null);
                if (command?.Name == OnboardingScreens.ForgotPin)
                {
                    var tenant = db.Tenants.FindById(member.TenantId);
                    return tenant?.OwnerUserId == member.UserId
                        ? onboarding.BeginReconnect(chat, machine, member)
                        : new Reply { Notice = S[lang, "common.not_allowed"] };
                }
                if (update.Text is { } typedPin)
                    return await door.UnlockAsync(chat, machine, member, typedPin, update, () => ResumeAfterPinAsync(chat, member, update, ct));
                RememberTap(chat, command, update.CallbackData);
                return await ReturningMemberAsync(chat, machine, member, update, ct, asNewMessage: false);

            case ChatState.Ready:
                if (member is null) return onboarding.Begin(chat, machine, null);
                if (sessions.Touch(member.UserId) is null)
                {
                    // The window closed (or the bot restarted) while a feature waited for typed input, perhaps a PIN
                    // or a token: that message goes, and the wait with it.
                    var wasAwaiting = chat.Awaiting is not null;
                    chat.Awaiting = null;
                    RememberTap(chat, command, update.CallbackData);
                    machine.Fire(ChatTrigger.Lock);
                    return new Reply
                    {
                        Screen = door.Prompt(chat, member),
                        Notice = S[lang, "signin.window_closed"],
                        DeleteIncomingMessage = update.Text is not null && (wasAwaiting || PinRules.IsValidFormat(PinInput.Normalize(update.Text))),
                    };
                }
                if (command?.Name == MenuFeature.Lock)
                {
                    sessions.Lock(member.UserId);
                    machine.Fire(ChatTrigger.Lock);
                    return Reply.Of(door.Prompt(chat, member));
                }
                if (command is null) return await TextAsync(chat, member, update, ct);
                return await FeatureAsync(chat, member, command, update, ct);

            default:
                return onboarding.Begin(chat, machine, null);
        }
    }

    /// <summary>A known member: straight to the menu inside the unlock window, otherwise the PIN.</summary>
    private async Task<Reply> ReturningMemberAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, MemberDocument member, Incoming update, CancellationToken ct, bool asNewMessage)
    {
        machine.Fire(ChatTrigger.Recognised);
        chat.UserId = member.UserId;
        if (sessions.Touch(member.UserId) is not null)
        {
            audit.Record(AuditActions.SignInWindow, member.UserId, chat.ChatId, tenantId: member.TenantId);
            machine.Fire(ChatTrigger.Unlocked);
            return (await MenuReplyAsync(chat, update, ct)) with { AsNewMessage = asNewMessage };
        }
        return new Reply { Screen = door.Prompt(chat, member), AsNewMessage = asNewMessage };
    }

    /// <summary>The operator's /admin and its taps, for Bot:AdminIds only; for anyone else they do not exist.</summary>
    private Task<Reply>? OperatorRoute(ChatDocument chat, Incoming update, CancellationToken ct)
    {
        if (!botOptions.Value.AdminIds.Contains(update.UserId)) return null;
        var context = new OperatorContext(update, Onboarding.LangOf(chat));
        if (update.Text is { } text)
        {
            var typed = text.Trim().Split(' ', 2)[0];
            var byText = operatorFeatures.FirstOrDefault(f => string.Equals(f.TextCommand, typed, StringComparison.OrdinalIgnoreCase));
            return byText is null ? null : WithNewMessage(byText.HandleAsync(context, null, ct));
        }
        var command = CallbackData.Decode(update.CallbackData);
        var byTap = command is null ? null : operatorFeatures.FirstOrDefault(f => f.Commands.Contains(command.Name));
        return byTap?.HandleAsync(context, command, ct);
    }

    private static async Task<Reply> WithNewMessage(Task<Reply> reply) => (await reply) with { AsNewMessage = true };

    /// <summary>Typed text in the menu: an answer a feature is waiting for, or else the menu anew.</summary>
    private async Task<Reply> TextAsync(ChatDocument chat, MemberDocument member, Incoming update, CancellationToken ct)
    {
        var session = SessionFor(chat, member, update);
        if (session is null) return StaleTap(chat);
        if (chat.Awaiting is { } input && textInputs.FirstOrDefault(f => input.StartsWith(f.InputPrefix, StringComparison.Ordinal)) is { } feature)
        {
            chat.Awaiting = null;
            // The role may have changed since the question was asked.
            if (!session.Can(feature.RequiredFor(input)))
                return new Reply { Screen = await menu.MainAsync(session, ct), Notice = S[session.Lang, "common.not_allowed"], DeleteIncomingMessage = true };
            return await feature.HandleTextAsync(session, input, update.Text!, ct);
        }
        // A PIN typed out of habit while already unlocked must not stay in the chat.
        var looksLikePin = PinRules.IsValidFormat(PinInput.Normalize(update.Text!));
        return Reply.Of(await menu.MainAsync(session, ct)) with { AsNewMessage = !looksLikePin, DeleteIncomingMessage = looksLikePin };
    }

    private async Task<Reply> FeatureAsync(ChatDocument chat, MemberDocument member, CallbackCommand command, Incoming update, CancellationToken ct)
    {
        var session = SessionFor(chat, member, update);
        if (session is null) return StaleTap(chat);
        if (!_byCommand.TryGetValue(command.Name, out var feature))
            return new Reply { Screen = await menu.MainAsync(session, ct), Notice = S[session.Lang, "common.stale"] };
        if (!session.Can(feature.Commands[command.Name]))
        {
            log.LogInformation("Denied {Command} to user {UserId} ({Role})", command.Name, member.UserId, member.Role);
            return new Reply { Notice = S[session.Lang, "common.not_allowed"] };
        }
        return await feature.HandleAsync(session, command, ct);
    }

    /// <summary>How long a tap made while locked waits for the PIN; older, the member gets the menu instead.</summary>
    public static readonly TimeSpan TapAfterPinLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A module's button tapped on a locked chat (an alert's ✅, a card's 🏷) is kept to be carried out after the PIN.</summary>
    private void RememberTap(ChatDocument chat, CallbackCommand? command, string? data)
    {
        if (command is null || data is null || !_byCommand.ContainsKey(command.Name) || command.Name == MenuFeature.Open) return;
        chat.TapAfterPin = data;
        chat.TapAfterPinAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Right PIN: the tap that asked for it, if recent (its own checks — role, stale stamps — still run), else the menu.</summary>
    private async Task<Reply> ResumeAfterPinAsync(ChatDocument chat, MemberDocument member, Incoming update, CancellationToken ct)
    {
        var pending = chat.TapAfterPin;
        var at = chat.TapAfterPinAt;
        chat.TapAfterPin = null;
        chat.TapAfterPinAt = null;
        if (pending is not null && at is { } when && time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) <= TapAfterPinLifetime
            && CallbackData.Decode(pending) is { } command && db.Members.FindById(member.UserId) is { } current)
            return await FeatureAsync(chat, current, command, update, ct);
        return await MenuReplyAsync(chat, update, ct);
    }

    private async Task<Reply> MenuReplyAsync(ChatDocument chat, Incoming update, CancellationToken ct)
    {
        var member = db.Members.FindById(update.UserId);
        var session = member is null ? null : SessionFor(chat, member, update);
        return session is null ? Reply.Of(OnboardingScreens.Welcome()) : Reply.Of(await menu.MainAsync(session, ct));
    }

    private SessionContext? SessionFor(ChatDocument chat, MemberDocument member, Incoming update)
    {
        var tenant = db.Tenants.FindById(member.TenantId);
        var unlocked = sessions.Touch(member.UserId);
        if (tenant is null || unlocked is null) return null;
        var role = Enum.TryParse<Role>(member.Role, out var r) ? r : Role.Viewer;
        var now = time.GetUtcNow().UtcDateTime;
        if (member.LastSeenAt is not { } seen || now - seen > TimeSpan.FromMinutes(1))
        {
            member.LastSeenAt = now;
            db.UpdateMember(member.UserId, m => m.LastSeenAt = now);
        }
        return new SessionContext(update, chat, Onboarding.LangOf(chat), member, tenant, role, unlocked, uzum.For(tenant.IsDemo)) { Now = time.GetUtcNow() };
    }

    /// <summary>The member was removed (or left) while this chat still showed the shop: say so and start over.</summary>
    private Reply AccessRemoved(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine)
    {
        if (chat.UserId is { } userId) sessions.Lock(userId);
        chat.UserId = null;
        chat.Awaiting = null;
        machine.Fire(ChatTrigger.Begin);
        var lang = Onboarding.LangOf(chat);
        var welcome = OnboardingScreens.Welcome();
        return new Reply { Screen = welcome with { Html = S[lang, "signin.access_removed"] + "\n\n" + welcome.Html }, Notice = S[lang, "signin.access_removed"] };
    }

    /// <summary>Redraws the current step after a language switch.</summary>
    private async Task<Reply> RedrawAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, MemberDocument? member, Incoming update, CancellationToken ct)
    {
        var lang = Onboarding.LangOf(chat);
        return machine.State switch
        {
            ChatState.AwaitingCode => Reply.Of(OnboardingScreens.AskCode(lang)),
            ChatState.ChoosingMarket => Reply.Of(OnboardingScreens.ChooseMarketScreen(lang)),
            ChatState.AwaitingToken => Reply.Of(OnboardingScreens.AskToken(lang)),
            ChatState.AwaitingPin => Reply.Of(OnboardingScreens.AskPin(lang, null)),
            ChatState.AwaitingPinRepeat => Reply.Of(OnboardingScreens.AskPinRepeat(lang)),
            ChatState.Locked when member is not null => Reply.Of(door.Prompt(chat, member)),
            ChatState.Ready when member is not null => await MenuReplyAsync(chat, update, ct),
            _ => Reply.Of(OnboardingScreens.Welcome()),
        };
    }

    /// <summary>A button we cannot read (old version, forged, or from a finished step): say so, change nothing.</summary>
    private static Reply StaleTap(ChatDocument chat) =>
        new() { Notice = S[Onboarding.LangOf(chat), "common.stale"] };

    private static Screen ErrorScreen(ChatDocument chat, string key, string? retryData)
    {
        var lang = Onboarding.LangOf(chat);
        var keyboard = new Keyboard();
        if (retryData is not null && CallbackData.Decode(retryData) is not null) keyboard.Row(new Button(S[lang, "common.retry"], retryData));
        keyboard.Row(MenuScreens.BackToMenu(lang));
        return new Screen("⚠️ " + S[lang, key], keyboard.Build());
    }

    private static bool IsStart(string text, out string? argument)
    {
        argument = null;
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("/start", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = trimmed[6..];
        if (rest.StartsWith('@')) rest = rest.Contains(' ') ? rest[rest.IndexOf(' ')..] : "";
        if (rest.Length > 0 && !char.IsWhiteSpace(rest[0])) return false;
        argument = rest.Trim() is { Length: > 0 } a ? a : null;
        return true;
    }
}
