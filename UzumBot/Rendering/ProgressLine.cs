namespace UzumBot.Rendering;

/// <summary>
/// A line shown while long work runs ("Labels: 35 of 82…"): the transport edits the tapped message with it and keeps
/// the "uploading document" action alive. Shows are paced by the transport, so a handler may report as often as it likes.
/// The reply that ends the work replaces the line with the screen.
/// </summary>
public interface IProgressLine
{
    Task ShowAsync(string html, CancellationToken ct);
}

/// <summary>Where no transport listens (typed text, tests of pure handlers).</summary>
public sealed class SilentProgressLine : IProgressLine
{
    public static readonly SilentProgressLine Instance = new();

    public Task ShowAsync(string html, CancellationToken ct) => Task.CompletedTask;
}
