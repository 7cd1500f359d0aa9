/** The identity a display announces in its EDID base block. */
export interface Edid {
  manufacturerId: string;
  productCode: number;
  serialNumber: number;
  week: number;
  year: number;
  monitorName: string | null;
  serialString: string | null;
  /** sha256 of the 128-byte base block, to match known KVM images byte for byte. */
  sha256Block0: string;
}

export interface DisplayInfo {
  /** Connector name as the OS spells it (eDP-1, HDMI-A-1, DISPLAY1, …). */
  connector: string;
  /** A panel built into the laptop (eDP/LVDS/DSI, or the OS says built-in). */
  builtIn: boolean;
  edid: Edid | null;
  /** Why the EDID could not be read or parsed; the display is still listed. */
  edidError: string | null;
  /** Extra identity the OS gives without an EDID (adapter, driver, vendor/product ids). */
  adapter: string | null;
}
