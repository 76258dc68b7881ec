using Microsoft.AspNetCore.Http;

namespace UzumBot.Uzum.Sandbox;

/// <summary>UZUM's two response families (bare and <c>{payload, timestamp}</c>) and its error envelope.</summary>
internal sealed class SandboxResponses(TimeProvider time)
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        [UzumErrorCodes.BadRequest] = "Bad request",
        [UzumErrorCodes.IllegalArgument] = "Некорректный аргумент",
        [UzumErrorCodes.TokenNotFound] = "Token not found",
        [UzumErrorCodes.AccessDenied] = "Доступ запрещён",
        [UzumErrorCodes.OrderNotFound] = "Заказ не найден",
        [UzumErrorCodes.WrongOrderStatus] = "Неподходящий статус заказа",
        [UzumErrorCodes.DeadlinePassed] = "Время на подтверждение заказа истекло",
        [UzumErrorCodes.ReasonNotAllowed] = "Недопустимая причина отмены",
        [UzumErrorCodes.AlreadyCancelled] = "Заказ уже отменён",
        ["storage-service-05"] = "Ошибка валидации при обновлении остатков",
        ["internal-error"] = "Внутренняя ошибка сервера",
        ["access-denied"] = "Access Denied",
    };

    public IResult Bare(object? body) => Results.Json(body, SandboxJson.Options);

    public IResult Enveloped(object? payload) =>
        Results.Json(new { payload, timestamp = SandboxJson.Timestamp(time.GetUtcNow()) }, SandboxJson.Options);

    public IResult Error(int status, string code, string? message = null) =>
        Results.Json(ErrorBody(status, code, message), SandboxJson.Options, statusCode: status);

    public object ErrorBody(int status, string code, string? message = null) => new
    {
        payload = (object?)null,
        errors = new[] { new { code, message = message ?? Messages.GetValueOrDefault(code, code) } },
        timestamp = SandboxJson.Timestamp(time.GetUtcNow()),
        trace = Guid.NewGuid().ToString("N"),
        error = status switch
        {
            400 => "Bad request",
            403 => "Forbidden",
            404 => "Not Found",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Internal Server Error",
        },
    };

    public IResult BadRequest(string code = UzumErrorCodes.BadRequest, string? message = null) => Error(400, code, message);

    public IResult Forbidden(string code = UzumErrorCodes.AccessDenied) => Error(403, code);
}
