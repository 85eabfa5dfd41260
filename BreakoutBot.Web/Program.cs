using BreakoutBot.ServiceDefaults;
using BreakoutBot.Web;
using BreakoutBot.Web.Components;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebServices();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapTradeExport();
app.MapDefaultEndpoints();
app.WarnWhenNoApiKey();
app.Run();
