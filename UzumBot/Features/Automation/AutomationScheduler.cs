using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UzumBot.Conversation;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>
/// Runs every enabled tenant's jobs on the host's <see cref="TimeProvider"/>: new-order checks every few minutes
/// (per plan), a low-stock check hourly, each subscriber's daily summary at their local time. The schedule is
/// stored (<see cref="JobDocument"/>); after downtime a due job runs once and its next run is counted from now,
/// so nothing fires N times. Tenants run in parallel, each tenant's jobs one after another. A refused token
/// pauses the tenant (the owner is told once); disabling automation removes its jobs.
/// </summary>
public sealed class AutomationScheduler(
    Database db,
    AutomationAccess access,
    UzumClients uzum,
    NewOrderAlerts alerts,
    LowStockAlerts lowStock,
    DailySummary summary,
    Pushes pushes,
    MemberPreferences preferences,
    IOptions<AutomationOptions> options,
    TimeProvider time,
    ILogger<AutomationScheduler> log) : BackgroundService
{
    public const string AlertsJob = "alerts";
    public const string LowStockJob = "lowstock";
    public const string SummaryJob = "summary";
    private static readonly TimeSpan RetryAfterOutage = TimeSpan.FromMinutes(5);
    private const int ParallelTenants = 8;

    private int _ticks;
    private int _running;

    /// <summary>Ticks finished since start (tests wait on it instead of sleeping).</summary>
    public int CompletedTicks => Volatile.Read(ref _ticks);

    public bool IsRunning => Volatile.Read(ref _running) == 1;

    public static string SummaryJobId(string tenantId, long userId) =>
        string.Create(CultureInfo.InvariantCulture, $"{SummaryJob}:{tenantId}:{userId}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickSeconds), time);
        try
        {
            do await TickAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        Interlocked.Exchange(ref _running, 1);
        try
        {
            var now = time.GetUtcNow();
            Sync(now);
            var due = db.Jobs.Find(j => j.NextRunAt <= now.UtcDateTime).GroupBy(j => j.TenantId).ToList();
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = ParallelTenants, CancellationToken = ct },
                async (jobs, token) => await RunTenantAsync(jobs.Key, jobs.ToList(), now, token));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(ex, "An automation tick failed");
        }
        finally
        {
            Interlocked.Exchange(ref _running, 0);
            Interlocked.Increment(ref _ticks);
        }
    }

    /// <summary>Brings the stored jobs in line with who enabled what: new jobs are added, jobs nobody wants go.</summary>
    private void Sync(DateTimeOffset now)
    {
        foreach (var automation in db.Automation.FindAll().ToList())
        {
            var tenant = db.Tenants.FindById(automation.TenantId);
            if (tenant is null)
            {
                access.Forget(automation.TenantId, keepSettings: false);
                continue;
            }
            var members = db.Members.Find(m => m.TenantId == tenant.Id).ToList();
            var memberIds = members.Select(m => m.UserId).ToHashSet();
            foreach (var orphan in db.AutomationMembers.Find(p => p.TenantId == tenant.Id).Where(p => !memberIds.Contains(p.UserId)).ToList())
                db.AutomationMembers.Delete(orphan.UserId);

            var wanted = new Dictionary<string, JobDocument>();
            if (automation.ServerWrap is not null && automation.TokenRefusedAt is null && Plans.For(tenant, now).Automation)
            {
                Add(wanted, AlertsJob, tenant.Id, null, now);
                Add(wanted, LowStockJob, tenant.Id, null, now + TimeSpan.FromMinutes(options.Value.LowStockCheckMinutes));
                foreach (var member in members)
                {
                    var prefs = preferences.For(member);
                    if (MemberPreferences.WantsSummary(member, prefs)) Add(wanted, SummaryJob, tenant.Id, member.UserId, NextSummary(prefs, now));
                }
            }
            var existing = db.Jobs.Find(j => j.TenantId == tenant.Id).ToDictionary(j => j.Id);
            foreach (var id in existing.Keys.Where(id => !wanted.ContainsKey(id))) db.Jobs.Delete(id);
            foreach (var job in wanted.Values.Where(j => !existing.ContainsKey(j.Id))) db.Jobs.Insert(job);
        }
    }

    private static void Add(Dictionary<string, JobDocument> jobs, string kind, string tenantId, long? userId, DateTimeOffset first)
    {
        var id = userId is { } user ? SummaryJobId(tenantId, user) : $"{kind}:{tenantId}";
        jobs[id] = new JobDocument { Id = id, Kind = kind, TenantId = tenantId, UserId = userId, NextRunAt = first.UtcDateTime };
    }

    /// <summary>The member's next summary time, moved to the end of quiet hours when it falls inside them.</summary>
    public static DateTimeOffset NextSummary(AutomationMemberDocument prefs, DateTimeOffset now) =>
        MemberPreferences.Quiet(prefs).NextOutside(QuietHours.NextLocal(now, prefs.SummaryAtMinutes));

    private async Task RunTenantAsync(string tenantId, IReadOnlyList<JobDocument> jobs, DateTimeOffset now, CancellationToken ct)
    {
        var tenant = db.Tenants.FindById(tenantId);
        if (tenant is null || access.Find(tenantId) is not { ServerWrap: not null } automation) return;
        if (access.OpenToken(tenant) is not { } token)
        {
            // Most likely a wrong Security:ServerKey (or a restored old key file): keep the wrap, so fixing the
            // configuration brings every shop's automation back, instead of switching it off for everyone.
            log.LogError("The automation wrap of tenant {TenantId} does not open with this server key; its jobs wait (check Security:ServerKey / ServerKeyPath)", tenantId);
            foreach (var job in jobs)
            {
                job.NextRunAt = (now + RetryAfterOutage).UtcDateTime;
                db.Jobs.Update(job);
            }
            return;
        }
        var client = uzum.For(tenant.IsDemo);
        foreach (var job in jobs.OrderBy(j => j.Kind == AlertsJob ? 0 : j.Kind == LowStockJob ? 1 : 2))
        {
            DateTimeOffset next;
            try
            {
                next = await RunJobAsync(job, tenant, automation, client, token, now, ct);
            }
            catch (UzumApiException ex) when (ex.IsTokenRejected)
            {
                log.LogWarning("UZUM refused the token of tenant {TenantId} ({Token}); its automation pauses", tenantId, token.Redacted);
                await TokenRefusedAsync(tenant, now);
                return;
            }
            catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
            {
                log.LogWarning("Automation job {Job} could not read UZUM: {Reason}", job.Id, ex.Message);
                next = now + RetryAfterOutage;
            }
            job.LastRunAt = now.UtcDateTime;
            job.NextRunAt = next.UtcDateTime;
            db.Jobs.Update(job);
        }
    }

    private async Task<DateTimeOffset> RunJobAsync(JobDocument job, TenantDocument tenant, AutomationDocument automation, IUzumClient client, UzumToken token, DateTimeOffset now, CancellationToken ct)
    {
        switch (job.Kind)
        {
            case AlertsJob:
                await alerts.RunAsync(tenant, automation, client, token, now, ct);
                return now + options.Value.AlertInterval(Plans.Effective(tenant, now));
            case LowStockJob:
                await lowStock.RunAsync(tenant, automation, client, token, now, ct);
                return now + TimeSpan.FromMinutes(options.Value.LowStockCheckMinutes);
            case SummaryJob when job.UserId is { } userId && db.Members.FindById(userId) is { } member && member.TenantId == tenant.Id:
                var prefs = preferences.For(member);
                var quiet = MemberPreferences.Quiet(prefs);
                if (quiet.Contains(now)) return quiet.NextOutside(now);
                // One summary a Tashkent day, whatever moved the job (a catch-up, quiet hours, a changed time).
                var sentId = SummarySentId(member.UserId, now);
                if (prefs.BlockedAt is null && db.Notices.FindById(sentId) is null)
                {
                    if (await summary.RunAsync(tenant, member, client, token, now, ct) == Outcome.Failed) return now + RetryAfterOutage;
                    db.Notices.Upsert(new NoticeDocument { Id = sentId, TenantId = tenant.Id, At = now.UtcDateTime });
                    var old = now.UtcDateTime.AddDays(-14);
                    db.Notices.DeleteMany(n => n.Id.StartsWith("summary:") && n.At < old);
                }
                return NextSummary(prefs, now);
            default:
                return now + TimeSpan.FromDays(1);
        }
    }

    private static string SummarySentId(long userId, DateTimeOffset now) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"summary:{userId}:{Finance.FinancePeriod.DayOf(now):yyyy-MM-dd}");

    /// <summary>
    /// Pauses the tenant and tells the owner once per token, in their language, with the reconnect button. Sent even
    /// in quiet hours: the tenant's jobs stop here, so a held notice would never be delivered.
    /// </summary>
    private async Task TokenRefusedAsync(TenantDocument tenant, DateTimeOffset now)
    {
        access.MarkTokenRefused(tenant.Id);
        var noticeId = "token:" + tenant.Id + ":" + Convert.ToHexStringLower(tenant.SealedToken?.Tag ?? []);
        if (db.Notices.FindById(noticeId) is not null || db.Members.FindById(tenant.OwnerUserId) is not { } owner) return;
        var lang = pushes.LangOf(owner.UserId);
        var outcome = await pushes.SendAsync(owner.UserId, PushScreens.TokenRefused(lang));
        if (outcome is Outcome.Sent)
            db.Notices.Insert(new NoticeDocument { Id = noticeId, TenantId = tenant.Id, At = now.UtcDateTime });
    }
}
