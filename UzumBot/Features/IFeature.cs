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
