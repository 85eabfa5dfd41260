// A real OpenID Connect provider (panva/oidc-provider, certified) on loopback, for the console's single sign-on tests.
// Settings come from the environment:
//   IDP_CLIENT_ID, IDP_CLIENT_SECRET, IDP_REDIRECT_URI  the console as a confidential client (code flow, PKCE)
//   IDP_ACCOUNTS   JSON: {"olga": {"roles": ["operator"]}, ...} — who exists and which console roles they hold
// The person "signed in at the provider" is chosen by the test: POST /test/signed-in?account=olga (and what they hold
// by POST /test/roles?account=olga&roles=viewer). The login
// interaction then completes for that person (no page to fill in), and consent is granted, as for an employee already
// signed in to their company's provider. Prints "listening <issuer>" once ready.
import http from 'node:http';
import Provider from 'oidc-provider';

const accounts = JSON.parse(process.env.IDP_ACCOUNTS ?? '{}');
let signedIn = null;
let provider = null;

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (req.method === 'POST' && url.pathname === '/test/signed-in') {
    signedIn = url.searchParams.get('account');
    res.writeHead(204).end();
    return;
  }

  if (req.method === 'POST' && url.pathname === '/test/roles') {
    // The provider's administrator changes what a person holds (comma-separated; empty for none).
    const roles = url.searchParams.get('roles') ?? '';
    accounts[url.searchParams.get('account')] = { roles: roles ? roles.split(',') : [] };
    res.writeHead(204).end();
    return;
  }

  if (req.method === 'GET' && url.pathname.startsWith('/interaction/')) {
    try {
      const details = await provider.interactionDetails(req, res);
      if (!signedIn || !accounts[signedIn]) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('nobody is signed in at the provider');
        return;
      }

      const result = { login: { accountId: signedIn } };
      if (details.prompt.name === 'consent') {
        const grant = new provider.Grant({ accountId: signedIn, clientId: details.params.client_id });
        grant.addOIDCScope('openid profile');
        result.consent = { grantId: await grant.save() };
      }

      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
    }
    return;
  }

  provider.callback()(req, res);
});

server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: [{
      client_id: process.env.IDP_CLIENT_ID,
      client_secret: process.env.IDP_CLIENT_SECRET,
      redirect_uris: [process.env.IDP_REDIRECT_URI],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name', 'roles'] },
    findAccount: async (ctx, id) => accounts[id] && {
      accountId: id,
      claims: async () => ({ sub: id, preferred_username: id, name: id, roles: accounts[id].roles ?? [] }),
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['breakoutbot-test-idp-cookie-key'] },
  });
  provider.proxy = false;
  console.log(`listening ${issuer}`);
});
