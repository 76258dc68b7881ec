using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Automation;

/// <summary>
/// <c>UzumBot automation rotate-key</c> (with the bot stopped): a new server key is written beside the current one
/// (<c>server.key.next</c>), every automation wrap is re-wrapped under it, then it replaces the current key file.
/// Each wrap names its key, so an interrupted run leaves every wrap openable and running the command again
/// finishes it. The data keys themselves do not change: a copy of the old key together with an old copy of the
/// database still opens the old wraps, so keep neither.
/// </summary>
public static class ServerKeyRotation
{
    public sealed record Result(int Rewrapped, int Unreadable, string OldKeyId, string NewKeyId);

    public static Result Rotate(Database db, SecurityOptions options, TokenVault vault)
    {
        if (!string.IsNullOrWhiteSpace(options.ServerKey))
            throw new InvalidOperationException(
                "Security:ServerKey is set in configuration: rotate by running this command with the key file instead, " +
                "or turn automation off for every tenant, change the setting and let owners turn it on again.");
        var path = Path.GetFullPath(options.ServerKeyPath);
        if (!File.Exists(path)) throw new InvalidOperationException($"There is no server key at '{path}' (Security:ServerKeyPath) to rotate.");
        var nextPath = ServerKey.NextPath(path);
        if (!File.Exists(nextPath)) SecretFile.Create(nextPath, ServerKey.Length, overwrite: false);

        var ring = ServerKey.Load(options);
        var target = ring.Promoted();
        int rewrapped = 0, unreadable = 0;
        foreach (var doc in db.Automation.Find(a => a.ServerWrap != null).ToList())
        {
            if (doc.ServerKeyId == target.CurrentId) continue;
            using var key = doc.ServerKeyId is { } id ? vault.TryUnwrapWithServerKey(doc.ServerWrap!, ring, id, doc.TenantId) : null;
            if (key is null)
            {
                unreadable++;
                continue;
            }
            doc.ServerWrap = vault.WrapWithServerKey(key, target, doc.TenantId);
            doc.ServerKeyId = target.CurrentId;
            db.Automation.Update(doc);
            rewrapped++;
        }
        db.Checkpoint();
        File.Move(nextPath, path, overwrite: true);
        db.Compact();
        return new Result(rewrapped, unreadable, ring.CurrentId, target.CurrentId);
    }
}
