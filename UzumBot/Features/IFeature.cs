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
}

/// <summary>
/// A feature that asks the user to type something (a PIN, a token, a number). It sets
/// <see cref="SessionContext.AwaitText"/> with an input name starting with <see cref="InputPrefix"/>; the engine
/// hands it the chat's next text message. Any tap cancels the wait.
/// </summary>
public interface ITextInputFeature
{
    string InputPrefix { get; }

    Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct);
}
