using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>The real marketplace and the built-in demo shop (the sandbox served on loopback), behind the same client.</summary>
public sealed class UzumClients(IUzumClient live, IUzumClient demo)
{
    public IUzumClient Live { get; } = live;
    public IUzumClient Demo { get; } = demo;

    public IUzumClient For(bool isDemo) => isDemo ? Demo : Live;
}
