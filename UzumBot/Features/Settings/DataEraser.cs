using UzumBot.Conversation;
using UzumBot.Storage;

namespace UzumBot.Features.Settings;

/// <summary>"Delete my data" and "leave": removes a member, or an owner's whole tenant, from storage and memory.</summary>
public sealed class DataEraser(Database db, AccessCodeStore codes, UnlockedSessions sessions)
{
    /// <summary>A member leaves the team: their record goes, their session is locked, this chat starts over.</summary>
    public void RemoveMember(MemberDocument member, ChatDocument currentChat)
    {
        db.Members.Delete(member.UserId);
        sessions.Lock(member.UserId);
        StartOver(currentChat);
    }

    /// <summary>A member's own records: membership, their other chats, this chat's code attempts. This chat is reset, not deleted.</summary>
    public void DeleteMember(MemberDocument member, ChatDocument currentChat)
    {
        RemoveMember(member, currentChat);
        db.Chats.DeleteMany(c => c.UserId == member.UserId && c.ChatId != currentChat.ChatId);
        db.CodeAttempts.Delete(currentChat.ChatId);
    }

    /// <summary>An owner's tenant with everything in it: members (sessions locked, chats reset), codes, audit entries.</summary>
    public void DeleteTenant(string tenantId, ChatDocument currentChat)
    {
        var members = db.Members.Find(m => m.TenantId == tenantId).Select(m => m.UserId).ToArray();
        sessions.LockAll(members);
        foreach (var chat in members.SelectMany(id => db.Chats.Find(c => c.UserId == id)).ToArray())
        {
            if (chat.ChatId == currentChat.ChatId) continue;
            StartOver(chat);
            db.Chats.Update(chat);
        }
        StartOver(currentChat);
        db.CodeAttempts.Delete(currentChat.ChatId);
        db.Members.DeleteMany(m => m.TenantId == tenantId);
        codes.DeleteTenantCodes(tenantId);
        db.Audit.DeleteMany(a => a.TenantId == tenantId);
        db.CostPrices.DeleteMany(c => c.TenantId == tenantId);
        db.Tenants.Delete(tenantId);
    }

    /// <summary>The chat forgets who it belonged to; its next message begins onboarding.</summary>
    public static void StartOver(ChatDocument chat)
    {
        chat.UserId = null;
        chat.State = nameof(ChatState.New);
        chat.Awaiting = null;
        chat.PendingCodeHash = null;
        chat.Bag.Clear();
    }
}
