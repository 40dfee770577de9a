using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace RevenueShare.Server.Pages;

/// <summary>
/// The pages' error answer, in Chinese and without any detail of the failure (a stack trace tells
/// an office nothing and an attacker much). Page requests that end in an error status or an
/// exception are re-executed here; the API keeps its problem+json. No handler methods, so a failed
/// POST renders here too; no anti-forgery check, since the request being answered already failed;
/// and no throttling, so a throttled address is told why in words (429).
/// </summary>
[IgnoreAntiforgeryToken]
[DisableRateLimiting]
public sealed class ErrorModel : PageModel
{
    /// <summary>The status being answered: from the address when re-executed, else the response's own.</summary>
    public int Status =>
        int.TryParse(RouteData.Values["code"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : HttpContext.Response.StatusCode;

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public string Message => Status switch
    {
        // The same words for a page that does not exist and one the office may not see, as the API
        // answers both with the same 404.
        StatusCodes.Status404NotFound => "找不到该页面，或本机构无权查看。",
        StatusCodes.Status400BadRequest => "请求无效：表单可能已过期，请返回上一页刷新后重新提交。",
        StatusCodes.Status503ServiceUnavailable => "系统暂时不可用（正在启动或维护），请稍后重试。",
        StatusCodes.Status429TooManyRequests => "本机地址登录失败次数过多，已暂时停止受理，请稍后再试。",
        StatusCodes.Status431RequestHeaderFieldsTooLarge or StatusCodes.Status414UriTooLong => "请求过大：请清除浏览器 Cookie 后重试，或缩短地址。",
        _ => "系统暂时无法完成此操作，请稍后重试；如仍有问题，请联系系统管理员。",
    };
}
