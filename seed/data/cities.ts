import type { SeedCity } from './types.js';

/**
 * Every city (or county) the seed data refers to, keyed by SeedCity.key, so that the
 * same city has the same key in every network (Torino is in BoostInno, URBinclusion and
 * a UIA Transfer Mechanism pilot; Tartu in Interactive Cities and a pilot; ...).
 * Country codes: ISO 3166-1 alpha-2. Where a document gives a code in brackets
 * ("Torino (IT)") it agrees with these, except doc 000 writes "UK" (ISO: GB) and
 * "EL" (ISO: GR).
 */
const city = (key: string, name: string, country: string, countryName: string, aliases?: string[]): SeedCity =>
  aliases ? { key, name, country, countryName, aliases } : { key, name, country, countryName };

export const cities = {
  // BoostInno (doc 000 "Mapping the BoostInno network projects", doc 002)
  paris: city('paris', 'Paris', 'FR', 'France'),
  strasbourg: city('strasbourg', 'Strasbourg', 'FR', 'France', ['Strasbourg Eurometropole']),
  barcelona: city('barcelona', 'Barcelona', 'ES', 'Spain', ['Barcellona']),
  braga: city('braga', 'Braga', 'PT', 'Portugal'),
  milan: city('milan', 'Milan', 'IT', 'Italy', ['Milano']),
  torino: city('torino', 'Torino', 'IT', 'Italy', ['Turin']),
  baiaMare: city('baiaMare', 'Baia Mare', 'RO', 'Romania'),
  skane: city('skane', 'Skåne', 'SE', 'Sweden', ['Skane', 'Skåne County']),
  wroclaw: city('wroclaw', 'Wrocław', 'PL', 'Poland', ['Wroclaw']),
  gdansk: city('gdansk', 'Gdańsk', 'PL', 'Poland', ['Gdansk']),
  lviv: city('lviv', 'Lviv', 'UA', 'Ukraine'),

  // Interactive Cities (doc 004)
  genoa: city('genoa', 'Genoa', 'IT', 'Italy', ['Genova']),
  albaIulia: city('albaIulia', 'Alba Iulia', 'RO', 'Romania'),
  lisbon: city('lisbon', 'Lisbon', 'PT', 'Portugal', ['Lisboa']),
  debrecen: city('debrecen', 'Debrecen', 'HU', 'Hungary'),
  ghent: city('ghent', 'Ghent', 'BE', 'Belgium'),
  murcia: city('murcia', 'Murcia', 'ES', 'Spain'),
  palermo: city('palermo', 'Palermo', 'IT', 'Italy'),
  tartu: city('tartu', 'Tartu', 'EE', 'Estonia'),
  varna: city('varna', 'Varna', 'BG', 'Bulgaria'),
  helsinki: city('helsinki', 'Helsinki', 'FI', 'Finland'),
  amsterdam: city('amsterdam', 'Amsterdam', 'NL', 'Netherlands'),

  // URBinclusion (doc 003)
  copenhagen: city('copenhagen', 'Copenhagen', 'DK', 'Denmark'),
  lyon: city('lyon', 'Lyon', 'FR', 'France'),
  krakow: city('krakow', 'Kraków', 'PL', 'Poland', ['Krakow']),
  glasgow: city('glasgow', 'Glasgow', 'GB', 'United Kingdom'),
  naples: city('naples', 'Naples', 'IT', 'Italy', ['Napoli']),
  trikala: city('trikala', 'Trikala', 'GR', 'Greece'),
  baltimore: city('baltimore', 'Baltimore', 'US', 'United States', ['Baltimora']),

  // UIA Transfer Mechanism pilots (doc 000)
  bilbao: city('bilbao', 'Bilbao', 'ES', 'Spain'),
  bielskoBiala: city('bielskoBiala', 'Bielsko-Biała', 'PL', 'Poland', ['Bielsko Biala']),
  timisoara: city('timisoara', 'Timișoara', 'RO', 'Romania', ['Timisoara']),
  budapest: city('budapest', 'Budapest', 'HU', 'Hungary'),
  clujNapoca: city('clujNapoca', 'Cluj-Napoca', 'RO', 'Romania'),
  birmingham: city('birmingham', 'Birmingham', 'GB', 'United Kingdom'),
  rotterdam: city('rotterdam', 'Rotterdam', 'NL', 'Netherlands'),
  trapani: city('trapani', 'Trapani', 'IT', 'Italy'),
  poznan: city('poznan', 'Poznań', 'PL', 'Poland', ['Poznan']),
  viladecans: city('viladecans', 'Viladecans', 'ES', 'Spain'),
  seraing: city('seraing', 'Seraing', 'BE', 'Belgium', ['Eriges Seraing']),
  nagykanizsa: city('nagykanizsa', 'Nagykanizsa', 'HU', 'Hungary'),
  almere: city('almere', 'Almere', 'NL', 'Netherlands'),
  staraZagora: city('staraZagora', 'Stara Zagora', 'BG', 'Bulgaria'),
  vilaNovaDeGaia: city('vilaNovaDeGaia', 'Vila Nova de Gaia', 'PT', 'Portugal'),
} satisfies Record<string, SeedCity>;

export type CityKey = keyof typeof cities;

export const allCities: SeedCity[] = Object.values(cities);
