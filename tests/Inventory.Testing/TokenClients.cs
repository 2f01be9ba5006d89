using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inventory.Testing;

/// <summary>HTTP clients signed in with a bearer token from <c>/api/auth/token</c>, as edge and cloud both issue them.</summary>
public static class TokenClients
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string username, string password)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
