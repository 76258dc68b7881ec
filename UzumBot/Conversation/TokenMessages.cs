using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>What to tell someone whose pasted token is not usable — one wording for onboarding and for Settings.</summary>
public static class TokenMessages
{
    public const string Rejected = "onboarding.token_rejected";
    public const string Unavailable = "onboarding.token_unavailable";
    public const string NoShops = "onboarding.token_no_shops";

    public static string For(TokenProblem problem) => problem switch
    {
        TokenProblem.InnerWhitespace => "onboarding.token_malformed",
        TokenProblem.NotAscii => "onboarding.token_not_ascii",
        _ => "onboarding.token_length",
    };
}
