namespace UzumBot.Storage;

/// <summary>Records every sign-in attempt: who, when, what kind, and whether it worked.</summary>
public sealed class SignInLog(Database db, TimeProvider time)
{
    public void Record(long userId, long chatId, string kind, bool success) =>
        db.SignIns.Insert(new SignInDocument { UserId = userId, ChatId = chatId, Kind = kind, Success = success, At = time.GetUtcNow().UtcDateTime });

    public IReadOnlyList<SignInDocument> For(long userId) =>
        db.SignIns.Find(s => s.UserId == userId).OrderBy(s => s.At).ToArray();
}
