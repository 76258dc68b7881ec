using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Admin;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;

namespace UzumBot.Tests.Features.Admin;

/// <summary>The admin feature over a real LiteDB file in a temp folder and a clock the test moves.</summary>
public sealed class AdminHarness : IDisposable
{
    public const long OperatorId = 900_001;
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-admin-" + Guid.NewGuid().ToString("N"));

    public AdminHarness(string? botUsername = "uzum_test_bot")
    {
        Directory.CreateDirectory(_folder);
        Db = new Database(Path.Combine(_folder, "uzumbot.db"));
        Codes = new AccessCodeStore(Db, Clock);
        Audit = new AuditLog(Db, Clock);
        Feature = new AdminFeature(Db, Codes, Audit, new BotIdentity { Username = botUsername },
            Options.Create(new BotOptions { AdminIds = [OperatorId] }), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);
    public Database Db { get; }
    public AccessCodeStore Codes { get; }
    public AuditLog Audit { get; }
    public AdminFeature Feature { get; }

    public Task<Reply> TypeAsync(long userId = OperatorId, Lang lang = Lang.Ru) =>
        Feature.HandleAsync(Context(userId, lang), null, CancellationToken.None);

    public Task<Reply> TapAsync(string data, long userId = OperatorId, Lang lang = Lang.Ru) =>
        Feature.HandleAsync(Context(userId, lang), CallbackData.Decode(data) ?? throw new ArgumentException(data), CancellationToken.None);

    /// <summary>A tenant as onboarding makes it: BUSINESS on a 14-day trial from now.</summary>
    public TenantDocument AddTenant(string shop, int members = 1, bool demo = false)
    {
        var now = Clock.GetUtcNow();
        var tenant = new TenantDocument
        {
            Id = Guid.NewGuid().ToString("N"),
            TokenFingerprint = "fp:" + Guid.NewGuid().ToString("N"),
            OwnerUserId = 100 + Db.Tenants.Count(),
            IsDemo = demo,
            Shops = [new ShopDocument { Id = 70_000 + Db.Tenants.Count(), Name = shop }],
            Plan = Plans.Business,
            TrialEndsAt = (now + Plans.TrialLength).UtcDateTime,
            CreatedAt = now.UtcDateTime,
        };
        Db.Tenants.Insert(tenant);
        for (var i = 0; i < members; i++)
            Db.Members.Insert(new MemberDocument { UserId = tenant.OwnerUserId * 1000 + i, TenantId = tenant.Id, CreatedAt = now.UtcDateTime, LastSeenAt = now.AddHours(-i).UtcDateTime });
        return tenant;
    }

    private static OperatorContext Context(long userId, Lang lang) => new(new Incoming { ChatId = userId, UserId = userId }, lang);

    public void Dispose()
    {
        Db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
