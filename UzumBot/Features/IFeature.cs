using UzumBot.Rendering;
using UzumBot.Security;

namespace UzumBot.Features;

/// <summary>
/// A module behind the main menu. It names the callback commands it answers and the permission each needs; the
/// router checks the permission on every tap before the handler runs (a hidden button is not a permission).
/// </summary>
public interface IFeature
{
    IReadOnlyDictionary<string, Permission> Commands { get; }

    Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct);

    /// <summary>The string key of the instant answer to a tap on a slow command ("preparing the label…"); null answers silently.</summary>
    string? AcknowledgementKey(string command) => null;
}

/// <summary>
/// A feature that asks the user to type something (a PIN, a token, a number). It sets
/// <see cref="SessionContext.AwaitText"/> with an input name starting with <see cref="InputPrefix"/>; the engine
/// hands it the chat's next text message. Any tap cancels the wait.
/// </summary>
public interface ITextInputFeature
{
    string InputPrefix { get; }

    /// <summary>The permission typed input needs; checked by the engine again when the text arrives.</summary>
    Permission RequiredFor(string input) => Permission.OwnSettings;

    Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct);
}

/// <summary>Who asks for the operator's screens: a Telegram user listed in Bot:AdminIds (checked by the engine).</summary>
public sealed record OperatorContext(Conversation.Incoming Update, Localization.Lang Lang)
{
    public string T(string key) => Localization.Strings.Instance[Lang, key];

    public string F(string key, params object?[] args) => Localization.Strings.Instance.Format(Lang, key, args);
}

/// <summary>The operator's module (/admin). Its commands are answered only for Bot:AdminIds; nobody else sees they exist.</summary>
public interface IOperatorFeature
{
    /// <summary>The text command that opens it, e.g. "/admin".</summary>
    string TextCommand { get; }

    IReadOnlyCollection<string> Commands { get; }

    /// <summary><paramref name="command"/> is null when the text command was typed.</summary>
    Task<Reply> HandleAsync(OperatorContext context, CallbackCommand? command, CancellationToken ct);
}
