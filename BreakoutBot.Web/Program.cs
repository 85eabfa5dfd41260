using BreakoutBot.ServiceDefaults;
using BreakoutBot.Web;
using BreakoutBot.Web.Components;
using BreakoutBot.Web.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebServices();
builder.AddConsoleIdentity();
builder.AddConsoleSingleSignOn();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapConsoleSignOut();
app.MapConsoleSingleSignOn();
app.MapTradeExport();
app.MapBacktestReport();
app.MapDefaultEndpoints();
app.WarnWhenNoApiKey();
app.Run();
