using Microsoft.Extensions.Configuration;
using System.Security.Cryptography;
using UzumBot.Features.Automation;
using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Tests.Security;

namespace UzumBot.Tests.Automation;

public sealed class ServerKeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-serverkey-" + Guid.NewGuid().ToString("N"));

    private SecurityOptions Options() => new()
    {
        PepperPath = Path.Combine(_folder, "pepper.key"),
        ServerKeyPath = Path.Combine(_folder, "server.key"),
    };

    [Fact]
    public void The_server_key_is_its_own_owner_only_file_apart_from_the_pepper()
    {
        var options = Options();
        var pepper = ServerPepper.Load(options);
        var key = ServerKey.Load(options);
        Assert.Equal(ServerKey.Length, new FileInfo(options.ServerKeyPath).Length);
        Assert.NotEqual(File.ReadAllBytes(options.PepperPath), File.ReadAllBytes(options.ServerKeyPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(options.ServerKeyPath));
        Assert.Equal(key.CurrentId, ServerKey.Load(options).CurrentId);
        Assert.DoesNotContain(Convert.ToBase64String(File.ReadAllBytes(options.ServerKeyPath)), key.ToString());
        _ = pepper;
    }

    [Fact]
    public void A_configured_server_key_overrides_the_file_and_a_bad_one_names_the_setting()
    {
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var a = ServerKey.Load(new SecurityOptions { ServerKey = value, ServerKeyPath = "" });
        Assert.Equal(a.CurrentId, ServerKey.Load(new SecurityOptions { ServerKey = value }).CurrentId);
        var ex = Assert.Throws<InvalidOperationException>(() => ServerKey.Load(new SecurityOptions { ServerKey = Convert.ToBase64String(new byte[16]) }));
        Assert.Contains("Security:ServerKey", ex.Message);
        Assert.Contains(ConfigurationCheck.Problems(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Security:ServerKey"] = "nope" }).Build(), demo: true), p => p.Contains("Security:ServerKey"));
    }

    [Fact]
    public void Rotation_rewraps_every_tenant_and_the_old_key_opens_nothing_afterwards()
    {
        var options = Options();
        var vault = SecurityTestKit.FastVault(ServerPepper.Load(options));
        var before = ServerKey.Load(options);
        var oldBytes = File.ReadAllBytes(options.ServerKeyPath);
        var tokens = new Dictionary<string, SealedToken>();
        using (var db = new Database(Path.Combine(_folder, "data.db")))
        {
            foreach (var tenant in new[] { "t1", "t2" })
            {
                var (sealedToken, key) = vault.Seal("sandbox-" + tenant + "-token", tenant);
                tokens[tenant] = sealedToken;
                db.Automation.Insert(new AutomationDocument { TenantId = tenant, ServerWrap = vault.WrapWithServerKey(key, before, tenant), ServerKeyId = before.CurrentId });
                key.Dispose();
            }

            var result = ServerKeyRotation.Rotate(db, options, vault);
            Assert.Equal(2, result.Rewrapped);
            Assert.Equal(before.CurrentId, result.OldKeyId);
            Assert.False(File.Exists(ServerKey.NextPath(options.ServerKeyPath)));

            var after = ServerKey.Load(options);
            Assert.Equal(result.NewKeyId, after.CurrentId);
            Assert.NotEqual(oldBytes, File.ReadAllBytes(options.ServerKeyPath));
            var old = ServerKey.FromBytes(oldBytes);
            foreach (var doc in db.Automation.FindAll())
            {
                Assert.Equal(after.CurrentId, doc.ServerKeyId);
                using var opened = vault.TryUnwrapWithServerKey(doc.ServerWrap!, after, doc.ServerKeyId!, doc.TenantId)!;
                Assert.Equal("sandbox-" + doc.TenantId + "-token", vault.Open(tokens[doc.TenantId], opened, doc.TenantId));
                Assert.Null(vault.TryUnwrapWithServerKey(doc.ServerWrap!, old, old.CurrentId, doc.TenantId));
            }
        }
    }

    [Fact]
    public void An_interrupted_rotation_leaves_every_wrap_openable_and_running_it_again_finishes()
    {
        var options = Options();
        var vault = SecurityTestKit.FastVault(ServerPepper.Load(options));
        var current = ServerKey.Load(options);
        using var db = new Database(Path.Combine(_folder, "data.db"));
        var (_, key) = vault.Seal("sandbox-t-token", "t");
        db.Automation.Insert(new AutomationDocument { TenantId = "t", ServerWrap = vault.WrapWithServerKey(key, current, "t"), ServerKeyId = current.CurrentId });

        // Crashed after writing the next key, before any re-wrap.
        File.WriteAllBytes(ServerKey.NextPath(options.ServerKeyPath), RandomNumberGenerator.GetBytes(ServerKey.Length));
        var ring = ServerKey.Load(options);
        Assert.NotNull(ring.NextId);
        var doc = db.Automation.FindById("t");
        Assert.NotNull(vault.TryUnwrapWithServerKey(doc.ServerWrap!, ring, doc.ServerKeyId!, "t"));

        var result = ServerKeyRotation.Rotate(db, options, vault);
        Assert.Equal(ring.NextId, result.NewKeyId);
        Assert.Equal(1, result.Rewrapped);
        Assert.Null(ServerKey.Load(options).NextId);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
