using LiteDB;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;

namespace UzumBot.Storage;

/// <summary>
/// The process's one <see cref="LiteDatabase"/> (it is thread-safe; two instances on one file is the classic
/// "file is used by another process"). LiteDB's direct mode does not stop a second process, so a lock file beside
/// the data file is held exclusively for the lifetime of this object: a CLI command while the bot runs is refused
/// with a clear message instead of writing under it.
/// </summary>
public sealed class Database : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly FileStream _lock;

    public Database(IOptions<StorageOptions> options) : this(options.Value.Path) { }

    public Database(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            // The file holds sealed tokens: keep the folder to its owner.
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        try
        {
            _lock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DataFileBusyException(full, ex);
        }
        try
        {
            _db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct }, MapperWithEveryDocument());
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
        FilePath = full;
        Chats.EnsureIndex(c => c.UserId);
        Members.EnsureIndex(m => m.TenantId);
        Tenants.EnsureIndex(t => t.TokenFingerprint, unique: true);
        Audit.EnsureIndex(a => a.UserId);
        Audit.EnsureIndex(a => a.TenantId);
        AutomationMembers.EnsureIndex(m => m.TenantId);
        AnnouncedOrders.EnsureIndex(a => a.TenantId);
        HeldAlerts.EnsureIndex(h => h.UserId);
        Notices.EnsureIndex(n => n.TenantId);
        Jobs.EnsureIndex(j => j.TenantId);
        Jobs.EnsureIndex(j => j.NextRunAt);
        CostPrices.EnsureIndex(c => c.TenantId);
    }

    /// <summary>
    /// LiteDB builds a type's mapping on first use, and two threads doing that at once can see a half-built map
    /// ("Member X not found on BsonMapper"). So each database gets its own mapper (not the process-wide Global one)
    /// with every collection's document type mapped before any thread touches it.
    /// </summary>
    private static BsonMapper MapperWithEveryDocument()
    {
        var mapper = new BsonMapper();
        foreach (var property in typeof(Database).GetProperties())
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(ILiteCollection<>))
                // Entity<T>() builds and stores T's mapping (BsonMapper keeps the builder method public, the map itself internal).
                typeof(BsonMapper).GetMethod(nameof(BsonMapper.Entity))!.MakeGenericMethod(property.PropertyType.GetGenericArguments()[0]).Invoke(mapper, null);
        return mapper;
    }

    public string FilePath { get; }

    public ILiteCollection<ChatDocument> Chats => _db.GetCollection<ChatDocument>("chats");
    public ILiteCollection<TenantDocument> Tenants => _db.GetCollection<TenantDocument>("tenants");
    public ILiteCollection<MemberDocument> Members => _db.GetCollection<MemberDocument>("members");
    public ILiteCollection<AccessCodeDocument> AccessCodes => _db.GetCollection<AccessCodeDocument>("access_codes");
    public ILiteCollection<AuditDocument> Audit => _db.GetCollection<AuditDocument>("audit");
    public ILiteCollection<CodeAttemptsDocument> CodeAttempts => _db.GetCollection<CodeAttemptsDocument>("code_attempts");
    public ILiteCollection<SettingDocument> Settings => _db.GetCollection<SettingDocument>("settings");
    public ILiteCollection<AutomationDocument> Automation => _db.GetCollection<AutomationDocument>("automation");
    public ILiteCollection<AutomationMemberDocument> AutomationMembers => _db.GetCollection<AutomationMemberDocument>("automation_members");
    public ILiteCollection<AnnouncedOrderDocument> AnnouncedOrders => _db.GetCollection<AnnouncedOrderDocument>("announced_orders");
    public ILiteCollection<HeldAlertDocument> HeldAlerts => _db.GetCollection<HeldAlertDocument>("held_alerts");
    public ILiteCollection<NoticeDocument> Notices => _db.GetCollection<NoticeDocument>("notices");
    public ILiteCollection<JobDocument> Jobs => _db.GetCollection<JobDocument>("jobs");
    public ILiteCollection<CostPriceDocument> CostPrices => _db.GetCollection<CostPriceDocument>("cost_prices");

    private readonly object _memberWrites = new();

    /// <summary>
    /// Changes some fields of a member on a fresh read, one writer at a time: a slow PIN check that started before
    /// the owner changed the role (or a re-key dropped the wrap) cannot write the old record back.
    /// </summary>
    public bool UpdateMember(long userId, Action<MemberDocument> change)
    {
        lock (_memberWrites)
        {
            var member = Members.FindById(userId);
            if (member is null) return false;
            change(member);
            return Members.Update(member);
        }
    }

    public string? GetSetting(string key) => Settings.FindById(key)?.Value;

    public void SetSetting(string key, string value) => Settings.Upsert(new SettingDocument { Key = key, Value = value });

    public void Checkpoint() => _db.Checkpoint();

    /// <summary>Rewrites the data file without its free pages, so deleted secrets leave no bytes behind.</summary>
    /// <summary>
    /// Rewrites the file so deleted records (a removed key wrap) are gone from its bytes. LiteDB keeps the old file as
    /// "&lt;name&gt;-backup&lt;ext&gt;" — still holding what was deleted, sealed tokens and PIN wraps — so that copy is removed.
    /// </summary>
    public void Compact()
    {
        _db.Rebuild();
        var backup = Path.Combine(Path.GetDirectoryName(FilePath)!, Path.GetFileNameWithoutExtension(FilePath) + "-backup" + Path.GetExtension(FilePath));
        File.Delete(backup);
    }

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }
}

public sealed class DataFileBusyException(string path, Exception inner)
    : Exception($"The data file '{path}' is in use by another process (is the bot running?). Stop it first, or point Storage:Path elsewhere.", inner);
