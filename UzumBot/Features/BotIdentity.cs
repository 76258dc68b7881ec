namespace UzumBot.Features;

/// <summary>The bot's own Telegram username (from getMe at start), for deep links such as t.me/&lt;bot&gt;?start=&lt;code&gt;.</summary>
public sealed class BotIdentity
{
    public string? Username { get; set; }

    /// <summary>The deep link that starts the bot with a code, or null while the username is unknown (the demo).</summary>
    public string? StartLink(string code) => Username is { Length: > 0 } name ? $"https://t.me/{name}?start={code}" : null;
}
