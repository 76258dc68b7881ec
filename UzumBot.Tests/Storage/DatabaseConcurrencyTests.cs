using UzumBot.Storage;

namespace UzumBot.Tests.Storage;

public sealed class DatabaseConcurrencyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-db-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Databases_opened_and_first_queried_on_many_threads_at_once_map_their_documents_consistently()
    {
        // Before each database had its own pre-built mapper, parallel first use of LiteDB's Global mapper failed now
        // and then with "Member UserId not found on BsonMapper for type ChatDocument".
        for (var round = 0; round < 5; round++)
        {
            var work = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                using var db = new Database(Path.Combine(_folder, $"r{round}-{i}.db"));
                db.Chats.Insert(new ChatDocument { ChatId = i + 1, UserId = i + 100, State = "Ready" });
                // the first LINQ query of each database maps ChatDocument.UserId: it must find the member every time
                Assert.Single(db.Chats.Find(c => c.UserId == i + 100));
            }));
            await Task.WhenAll(work);
        }
    }

    [Fact]
    public void Compacting_leaves_no_backup_copy_of_the_old_file_beside_it()
    {
        var path = Path.Combine(_folder, "compact.db");
        using var db = new Database(path);
        db.Chats.Insert(new ChatDocument { ChatId = 7, UserId = 7, State = "Ready" });
        db.Chats.Delete(7);
        db.Compact();
        Assert.Equal<string>(["compact.db", "compact.db.lock"], Directory.GetFiles(_folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
