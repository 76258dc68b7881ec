namespace UzumBot.Conversation;

/// <summary>Where a chat's conversation stands; stored in LiteDB as text.</summary>
public enum ChatState
{
    New,
    ChoosingLanguage,
    AwaitingCode,
    ChoosingMarket,
    AwaitingToken,
    AwaitingPin,
    AwaitingPinRepeat,
    /// <summary>A known member outside the unlock window: the PIN is asked.</summary>
    Locked,
    Ready,
}

public enum ChatTrigger
{
    /// <summary>/start by someone who is not a member yet.</summary>
    Begin,
    /// <summary>/start (or any message) by a known member.</summary>
    Recognised,
    LanguageChosen,
    OwnerCodeAccepted,
    /// <summary>A team invite opened the tenant's key: the new member sets a PIN next.</summary>
    MemberCodeAccepted,
    UzumChosen,
    DemoChosen,
    TokenAccepted,
    PinEntered,
    PinConfirmed,
    PinMismatch,
    /// <summary>The token kept in memory between the token and PIN steps expired or was lost in a restart.</summary>
    TokenLost,
    /// <summary>The same for an invitee's opened key: the invite code is asked again.</summary>
    InviteLost,
    Unlocked,
    /// <summary>The owner forgot the PIN: the token proves ownership, then a new PIN is set.</summary>
    Reconnect,
    Lock,
    /// <summary>Back one onboarding step.</summary>
    Back,
}
