using System.Net;

namespace UzumBot.Uzum;

/// <summary>One entry of UZUM's <c>errors[]</c>.</summary>
public sealed record UzumErrorItem(string Code, string? Message);

/// <summary>UZUM answered with an error (an <c>errors[]</c> envelope or a non-success status).</summary>
public class UzumApiException(HttpStatusCode status, IReadOnlyList<UzumErrorItem> errors, string? trace = null)
    : Exception(Describe(status, errors))
{
    public HttpStatusCode Status { get; } = status;
    public IReadOnlyList<UzumErrorItem> Errors { get; } = errors;
    public string? Trace { get; } = trace;

    /// <summary>The first UZUM error code, e.g. <c>seller-order-02</c>; null when the body had none.</summary>
    public string? Code => Errors.Count > 0 ? Errors[0].Code : null;

    public bool HasCode(string code) => Errors.Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The token was refused (403 forbidden-001, or 401).</summary>
    public bool IsTokenRejected => HasCode(UzumErrorCodes.TokenNotFound) || Status == HttpStatusCode.Unauthorized
        || (Status == HttpStatusCode.Forbidden && Errors.Count == 0);

    private static string Describe(HttpStatusCode status, IReadOnlyList<UzumErrorItem> errors) =>
        $"UZUM answered {(int)status}" + (errors.Count > 0 ? ": " + string.Join(", ", errors.Select(e => e.Code)) : "");
}

/// <summary>UZUM could not be reached or kept failing (timeouts, 5xx, 429) after the allowed retries.</summary>
public class UzumUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>UZUM's <c>errors[]</c> when the 429/5xx carried an envelope (for the log); empty otherwise.</summary>
    public IReadOnlyList<UzumErrorItem> Errors { get; init; } = [];
}

public static class UzumErrorCodes
{
    public const string BadRequest = "bad-request-001";
    public const string IllegalArgument = "illegal-argument";
    public const string TokenNotFound = "forbidden-001";
    public const string AccessDenied = "fbs-2-seller-access-denied";
    public const string OrderNotFound = "seller-order-01";
    public const string WrongOrderStatus = "seller-order-02";
    public const string DeadlinePassed = "seller-order-03";
    public const string ReasonNotAllowed = "seller-order-12";
    public const string AlreadyCancelled = "seller-order-13";
    public const string LabelServiceUnavailable = "seller-order-14";
    public const string IdentifiersMissing = "seller-order-15";
    public const string IssueCodeMissing = "seller-order-37";
    public const string IssueCodeWrong = "seller-order-38";
    /// <summary>A wrong issue code after too many wrong ones: UZUM stops checking codes for a while.</summary>
    public const string IssueCodeThrottled = "seller-order-39";
    public const string NotDbsOrder = "fbs-18-invalid-order-type";

    /// <summary>Not a UZUM code: the client's own marker for an unusable success body.</summary>
    public const string InvalidResponse = "client-invalid-response";
}

/// <summary>
/// UZUM answered "success" with a body the client cannot use (not JSON, no payload where one is required,
/// a label that is not a PDF). An <see cref="UzumApiException"/> so callers need only one catch for "UZUM said something wrong".
/// </summary>
public sealed class UzumInvalidResponseException(HttpStatusCode status, string detail)
    : UzumApiException(status, [new UzumErrorItem(UzumErrorCodes.InvalidResponse, detail)])
{
    public string Detail { get; } = detail;

    public override string Message => $"UZUM answered {(int)Status} with an unusable response: {Detail}";
}
