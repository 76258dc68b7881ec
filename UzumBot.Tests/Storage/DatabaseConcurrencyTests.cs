using UzumBot.Storage;

namespace UzumBot.Tests.Storage;

public sealed class DatabaseConcurrencyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-db-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Databases_opened_and_queried_on_many_threads_at_once_map_their_documents_consistently()
    {
        // Before each database had its own pre-built mapper, parallel first use of LiteDB's Global mapper failed now
        // and then with "Member UserId not found on BsonMapper for type ChatDocument".
        for (var round = 0; round < 5; round++)
        {
            var work = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            {
                using var db = new Database(Path.Combine(_folder, $"r{round}-{i}.db"));
                db.Chats.Insert(new ChatDocument { ChatId = i + 1, UserId = i + 100, State = "Ready" });
                var found = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.Chats.Find(c => c.UserId == i + 100).Count()))).Result;
                Assert.All(found, n => Assert.Equal(1, n));
            }));
            await Task.WhenAll(work);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
