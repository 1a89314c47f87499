// Small BindingInfo files for rule tests, laid out one element per line so that expected ranges are
// easy to read off: a receive location's <Address> is on line 7 + 10 * (index), its ReceiveHandler on
// the line after the transport data, and so on (see `bindingXml`). Adapter settings are escaped as
// BizTalk writes them: flat CustomProps once, an AdapterConfig <Config> twice, a WCF <binding> twice.

export interface Endpoint {
  name: string;
  adapter: string;
  host: string;
  address?: string;
  /** The unescaped CustomProps document, e.g. from adapterConfig() or wcf(). */
  data?: string;
}

/** XML-escapes text (`&`, `<`, `>`, `"`). */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** CustomProps with an AdapterConfig holding `<Config>...</Config>` (FTP, POP3, MSMQ). */
export function adapterConfig(config: Record<string, string>): string {
  const inner = `<Config>${Object.entries(config)
    .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
    .join('')}</Config>`;
  return `<CustomProps><AdapterConfig vt="8">${esc(inner)}</AdapterConfig></CustomProps>`;
}

/** CustomProps of a WCF adapter: BindingType and a BindingConfiguration `<binding .../>`. */
export function wcf(bindingType: string, attributes: Record<string, string>): string {
  const binding = `<binding name="b" ${Object.entries(attributes)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(' ')} />`;
  return `<CustomProps><BindingType vt="8">${bindingType}</BindingType><BindingConfiguration vt="8">${esc(binding)}</BindingConfiguration></CustomProps>`;
}

/** Flat CustomProps (FILE, HTTP, SFTP). */
export function flat(props: Record<string, string>): string {
  return `<CustomProps>${Object.entries(props)
    .map(([k, v]) => `<${k} vt="8">${esc(v)}</${k}>`)
    .join('')}</CustomProps>`;
}

/**
 * A binding with the given send ports and receive locations (one receive port "RP"). Line layout:
 * 1 declaration, 2 <BindingInfo>, 3 <SendPortCollection>; each send port takes 10 lines from line 4
 * (Address on +2, TransportTypeData on +4, SendHandler on +5); then <ReceivePortCollection>,
 * <ReceivePort>, <ReceiveLocations>; each receive location takes 9 lines (Address on +1,
 * ReceiveLocationTransportTypeData on +3, ReceiveHandler on +4).
 */
export function bindingXml(parts: { send?: Endpoint[]; receive?: Endpoint[] }, eol = '\n'): string {
  const lines: string[] = ['<?xml version="1.0" encoding="utf-8"?>', '<BindingInfo Version="3.5.1.0">', '  <SendPortCollection>'];
  for (const s of parts.send ?? []) {
    lines.push(
      `    <SendPort Name="${s.name}" IsStatic="true" IsTwoWay="false">`,
      '      <PrimaryTransport>',
      `        <Address>${esc(s.address ?? '')}</Address>`,
      `        <TransportType Name="${s.adapter}" />`,
      `        <TransportTypeData>${esc(s.data ?? '<CustomProps />')}</TransportTypeData>`,
      `        <SendHandler Name="${s.host}">`,
      `          <TransportType Name="${s.adapter}" />`,
      '        </SendHandler>',
      '      </PrimaryTransport>',
      '    </SendPort>',
    );
  }
  lines.push('  </SendPortCollection>', '  <ReceivePortCollection>', '    <ReceivePort Name="RP" IsTwoWay="false">', '      <ReceiveLocations>');
  for (const r of parts.receive ?? []) {
    lines.push(
      `        <ReceiveLocation Name="${r.name}">`,
      `          <Address>${esc(r.address ?? '')}</Address>`,
      `          <ReceiveLocationTransportType Name="${r.adapter}" />`,
      `          <ReceiveLocationTransportTypeData>${esc(r.data ?? '<CustomProps />')}</ReceiveLocationTransportTypeData>`,
      `          <ReceiveHandler Name="${r.host}">`,
      `            <TransportType Name="${r.adapter}" />`,
      '          </ReceiveHandler>',
      '          <Enable>true</Enable>',
      '        </ReceiveLocation>',
    );
  }
  lines.push('      </ReceiveLocations>', '    </ReceivePort>', '  </ReceivePortCollection>', '</BindingInfo>', '');
  return lines.join(eol);
}
