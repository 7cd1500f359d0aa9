import { describe, expect, it } from 'vitest';
import { bssidFromNetsh, lanFromWin32 } from '../../../main/probes/lan/parse-win32';

/** `netsh wlan show interfaces` on Windows 11 23H2, connected (the field names netsh prints). */
const NETSH_CONNECTED = `
There is 1 interface on the system:

    Name                   : Wi-Fi
    Description            : Intel(R) Wi-Fi 6 AX201 160MHz
    GUID                   : 2b0f6c4e-7a1d-4f0e-9d55-3c1a8e6b2f10
    Physical address       : 8c:c6:81:4a:0b:12
    Interface type         : Primary
    State                  : connected
    SSID                   : HomeNet
    AP BSSID               : a0:63:91:2b:4c:1e
    Band                   : 5 GHz
    Channel                : 44
    Network type           : Infrastructure
    Radio type             : 802.11ax
    Authentication         : WPA2-Personal
    Cipher                 : CCMP
    Connection mode        : Auto Connect
    Receive rate (Mbps)    : 864.8
    Transmit rate (Mbps)   : 864.8
    Signal                 : 92%
    Profile                : HomeNet

    Hosted network status  : Not available
`;
/** What netsh prints on Windows 11 24H2 to an app without location permission. */
const NETSH_NO_LOCATION = `Network shell commands need location permission to access WLAN information. Turn on Location services on the Location page in Privacy & security settings.

Here is the URI for the Location page in the Settings app:
ms-settings:privacy-location
To open the Location page in the Settings app, hold down the Ctrl key and select the link, or run the following command:
start ms-settings:privacy-location
`;

describe('the LAN on Windows', () => {
  it("reads the gateway's MAC from Get-NetNeighbor (dashes) and the BSSID from netsh", () => {
    const lan = lanFromWin32({
      Route: { NextHop: '192.168.1.1', InterfaceAlias: 'Wi-Fi' },
      Neighbor: { LinkLayerAddress: 'A0-63-91-2B-4C-1D', State: 'Reachable' },
      Wlan: NETSH_CONNECTED,
    });
    expect(lan).toEqual({
      gatewayMac: { state: 'read', mac: 'a0:63:91:2b:4c:1d' },
      bssid: { state: 'read', mac: 'a0:63:91:2b:4c:1e' },
    });
  });

  it('says the BSSID is unavailable without location permission (24H2), or off Wi-Fi; the gateway without a route', () => {
    expect(bssidFromNetsh(NETSH_NO_LOCATION)).toEqual({
      state: 'unavailable',
      reason: expect.stringContaining('location permission') as unknown,
    });
    expect(bssidFromNetsh('There is no wireless interface on the system.\n')).toEqual({
      state: 'unavailable',
      reason: 'not connected to a Wi-Fi network',
    });
    expect(lanFromWin32({ Route: null, Neighbor: null, Wlan: '' }).gatewayMac).toEqual({
      state: 'unavailable',
      reason: 'no IPv4 default route through a gateway',
    });
    // An unresolved neighbour prints zeros.
    expect(
      lanFromWin32({
        Route: { NextHop: '192.168.1.1', InterfaceAlias: 'Ethernet' },
        Neighbor: { LinkLayerAddress: '00-00-00-00-00-00', State: 'Unreachable' },
        Wlan: '',
      }).gatewayMac,
    ).toMatchObject({ state: 'unavailable' });
  });
});
