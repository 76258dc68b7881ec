using Stateless;
using UzumBot.Storage;

namespace UzumBot.Conversation;

/// <summary>
/// The per-chat state machine, rebuilt for every update over the stored <see cref="ChatDocument.State"/>: no
/// machine object lives across updates, so a restart loses nothing. Read it as a table of states and triggers.
/// </summary>
public static class ChatMachine
{
    public static StateMachine<ChatState, ChatTrigger> For(ChatDocument chat)
    {
        var machine = new StateMachine<ChatState, ChatTrigger>(
            () => Enum.TryParse<ChatState>(chat.State, out var s) ? s : ChatState.New,
            s => chat.State = s.ToString());

        machine.Configure(ChatState.New);

        machine.Configure(ChatState.ChoosingLanguage)
            .Permit(ChatTrigger.LanguageChosen, ChatState.AwaitingCode);

        machine.Configure(ChatState.AwaitingCode)
            .Permit(ChatTrigger.OwnerCodeAccepted, ChatState.ChoosingMarket)
            .Permit(ChatTrigger.MemberCodeAccepted, ChatState.AwaitingPin)
            .Permit(ChatTrigger.Back, ChatState.ChoosingLanguage);

        machine.Configure(ChatState.ChoosingMarket)
            .Permit(ChatTrigger.UzumChosen, ChatState.AwaitingToken)
            .Permit(ChatTrigger.DemoChosen, ChatState.AwaitingPin)
            .Permit(ChatTrigger.Back, ChatState.AwaitingCode);

        machine.Configure(ChatState.AwaitingToken)
            .Permit(ChatTrigger.TokenAccepted, ChatState.AwaitingPin)
            .Permit(ChatTrigger.Back, ChatState.ChoosingMarket);

        machine.Configure(ChatState.AwaitingPin)
            .Permit(ChatTrigger.PinEntered, ChatState.AwaitingPinRepeat)
            .Permit(ChatTrigger.TokenLost, ChatState.AwaitingToken)
            .Permit(ChatTrigger.InviteLost, ChatState.AwaitingCode)
            .Permit(ChatTrigger.Back, ChatState.ChoosingMarket);

        machine.Configure(ChatState.AwaitingPinRepeat)
            .Permit(ChatTrigger.PinConfirmed, ChatState.Ready)
            .Permit(ChatTrigger.PinMismatch, ChatState.AwaitingPin)
            .Permit(ChatTrigger.TokenLost, ChatState.AwaitingToken)
            .Permit(ChatTrigger.InviteLost, ChatState.AwaitingCode)
            .Permit(ChatTrigger.Back, ChatState.AwaitingPin);

        machine.Configure(ChatState.Locked)
            .Permit(ChatTrigger.Unlocked, ChatState.Ready)
            .Permit(ChatTrigger.Reconnect, ChatState.AwaitingToken);

        machine.Configure(ChatState.Ready)
            .Permit(ChatTrigger.Lock, ChatState.Locked);

        // From anywhere, /start begins again (a stranger) or returns to the member's own door.
        foreach (var state in Enum.GetValues<ChatState>())
        {
            var config = machine.Configure(state);
            if (state == ChatState.ChoosingLanguage) config.PermitReentry(ChatTrigger.Begin);
            else config.Permit(ChatTrigger.Begin, ChatState.ChoosingLanguage);
            if (state == ChatState.Locked) config.PermitReentry(ChatTrigger.Recognised);
            else config.Permit(ChatTrigger.Recognised, ChatState.Locked);
        }

        return machine;
    }
}
