<?php
/**
 * Settings, Reconnect Kit: the kit's address, the pinned widget version with its integrity hash,
 * and the accents posts use unless a post sets its own. Only users who can manage_options see
 * or change them; every form carries a nonce.
 *
 * @package ReconnectKit
 */

defined( 'ABSPATH' ) || exit;

const RECONNECT_KIT_OPTION = 'reconnect_kit_settings';

/**
 * What the plugin uses when nothing is saved: the build writes defaults.php next to the main
 * file with the kit's address and the widget version it was built with.
 *
 * @return array{address: string, version: string, integrity: string, accent: string, accent_dark: string}
 */
function reconnect_kit_defaults() {
	$built = is_readable( dirname( __DIR__ ) . '/defaults.php' ) ? include dirname( __DIR__ ) . '/defaults.php' : array();
	return array_merge(
		array(
			'address'     => '',
			'version'     => '',
			'integrity'   => '',
			'accent'      => '',
			'accent_dark' => '',
		),
		is_array( $built ) ? $built : array()
	);
}

/** The settings in force: saved values over the defaults. */
function reconnect_kit_settings() {
	$saved = get_option( RECONNECT_KIT_OPTION, array() );
	return array_merge( reconnect_kit_defaults(), is_array( $saved ) ? $saved : array() );
}

/**
 * The kit's address with a trailing slash, e.g. https://reconnect.example.com/.
 *
 * @param array $settings From reconnect_kit_settings().
 * @return string
 */
function reconnect_kit_root( $settings ) {
	return trailingslashit( $settings['address'] );
}

/**
 * The pinned file when a version is set, else the stable widget.js.
 *
 * @param array $settings From reconnect_kit_settings().
 * @return string
 */
function reconnect_kit_widget_url( $settings ) {
	$file = '' !== $settings['version'] ? 'widget/' . rawurlencode( $settings['version'] ) . '/widget.js' : 'widget.js';
	return reconnect_kit_root( $settings ) . $file;
}

function reconnect_kit_add_settings_page() {
	add_options_page( 'Reconnect Kit', 'Reconnect Kit', 'manage_options', 'reconnect-kit', 'reconnect_kit_settings_page' );
}

function reconnect_kit_register_settings() {
	register_setting(
		'reconnect_kit',
		RECONNECT_KIT_OPTION,
		array(
			'type'              => 'array',
			'sanitize_callback' => 'reconnect_kit_sanitize_settings',
			'default'           => array(),
		)
	);
}

/**
 * Checks each setting; a refused one keeps its earlier value, and the page says why.
 *
 * @param mixed $input What the form sent.
 * @return array
 */
function reconnect_kit_sanitize_settings( $input ) {
	$current = reconnect_kit_settings();
	$input   = is_array( $input ) ? wp_unslash( $input ) : array();
	$clean   = $current;
	$refuse  = function ( $field, $message ) {
		add_settings_error( RECONNECT_KIT_OPTION, 'reconnect-kit-' . $field, $message );
	};

	$address = isset( $input['address'] ) ? trim( (string) $input['address'] ) : '';
	if ( '' !== $address && ! preg_match( '#^https?://[^\s/]+#i', $address ) ) {
		$refuse( 'address', sprintf( 'The kit address "%s" is not a web address; write it as https://reconnect.example.com/.', $address ) );
	} else {
		$clean['address'] = '' === $address ? '' : esc_url_raw( $address, array( 'http', 'https' ) );
	}

	$version   = isset( $input['version'] ) ? trim( (string) $input['version'] ) : '';
	$integrity = isset( $input['integrity'] ) ? trim( (string) $input['integrity'] ) : '';
	if ( '' !== $version && ! preg_match( '/^[0-9A-Za-z.-]{1,64}$/', $version ) ) {
		$refuse( 'version', sprintf( 'The widget version "%s" is not one the kit writes; copy it from the kit\'s /embed/ page, e.g. 0.1.0-1a2b3c4d.', $version ) );
	} elseif ( '' !== $integrity && ! preg_match( '#^sha384-[A-Za-z0-9+/]{64}$#', $integrity ) ) {
		$refuse( 'integrity', 'The integrity hash must be sha384- and 64 characters, as the kit\'s /embed/ page shows it.' );
	} elseif ( ( '' === $version ) !== ( '' === $integrity ) ) {
		$refuse( 'version', 'A pinned version needs its integrity hash, and a hash its version: fill in both, or leave both empty for the latest widget.' );
	} else {
		$clean['version']   = $version;
		$clean['integrity'] = $integrity;
	}

	foreach ( array(
		'accent'      => 'light',
		'accent_dark' => 'dark',
	) as $field => $scheme ) {
		$color = isset( $input[ $field ] ) ? trim( (string) $input[ $field ] ) : '';
		if ( '' === $color ) {
			$clean[ $field ] = '';
			continue;
		}
		$check = reconnect_kit_check_accent( $color, $scheme );
		if ( $check['ok'] ) {
			$clean[ $field ] = $color;
		} else {
			$refuse( $field, sprintf( 'The %s accent was not saved: %s.', $scheme, $check['reason'] ) );
		}
	}
	return $clean;
}

/** The settings page itself. */
function reconnect_kit_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change these settings.', 'reconnect-kit' ) );
	}
	$settings = reconnect_kit_settings();
	$fields   = array(
		'address'     => array( 'Kit address', 'url', 'The Reconnect Kit site, e.g. https://reconnect.example.com/.' ),
		'version'     => array( 'Pinned widget version', 'text', 'Empty for always the latest; a version from the kit\'s /embed/ page to pin it.' ),
		'integrity'   => array( 'Integrity hash', 'text', 'The sha384- hash shown with that version; the browser refuses a file that differs.' ),
		'accent'      => array( 'Accent, light scheme', 'text', 'A hex colour such as #7a1f5c; it must reach 4.5:1 on white.' ),
		'accent_dark' => array( 'Accent, dark scheme', 'text', 'A hex colour such as #f0a8d8; it must reach 4.5:1 on #121417.' ),
	);
	?>
	<div class="wrap">
		<h1>Reconnect Kit</h1>
		<?php settings_errors( RECONNECT_KIT_OPTION ); ?>
		<form method="post" action="options.php">
			<?php settings_fields( 'reconnect_kit' ); ?>
			<table class="form-table" role="presentation">
				<?php foreach ( $fields as $key => list( $label, $type, $hint ) ) : ?>
					<tr>
						<th scope="row"><label for="reconnect-kit-<?php echo esc_attr( $key ); ?>"><?php echo esc_html( $label ); ?></label></th>
						<td>
							<input class="regular-text" type="<?php echo esc_attr( $type ); ?>" id="reconnect-kit-<?php echo esc_attr( $key ); ?>"
								name="<?php echo esc_attr( RECONNECT_KIT_OPTION . '[' . $key . ']' ); ?>"
								value="<?php echo esc_attr( $settings[ $key ] ); ?>"
								aria-describedby="reconnect-kit-<?php echo esc_attr( $key ); ?>-hint" />
							<p class="description" id="reconnect-kit-<?php echo esc_attr( $key ); ?>-hint"><?php echo esc_html( $hint ); ?></p>
						</td>
					</tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2>Pin the kit's current version</h2>
		<p>Reads the version and its hash from the kit's <code>widget/manifest.json</code> and saves them.</p>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="reconnect_kit_use_current" />
			<?php wp_nonce_field( 'reconnect_kit_use_current' ); ?>
			<?php submit_button( 'Use the current version', 'secondary', 'submit', false ); ?>
		</form>
	</div>
	<?php
}

/** admin-post.php?action=reconnect_kit_use_current: pins what the kit's manifest names. */
function reconnect_kit_use_current_version() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You are not allowed to change these settings.', 'reconnect-kit' ), 403 );
	}
	check_admin_referer( 'reconnect_kit_use_current' );
	$settings = reconnect_kit_settings();
	$response = wp_remote_get( reconnect_kit_root( $settings ) . 'widget/manifest.json', array( 'timeout' => 5 ) );
	$manifest = is_wp_error( $response ) ? null : json_decode( wp_remote_retrieve_body( $response ), true );
	$message  = 'pinned';
	if ( ! is_array( $manifest ) || ! isset( $manifest['version'], $manifest['integrity'] ) ) {
		$message = 'unreadable';
	} else {
		$saved = reconnect_kit_sanitize_settings(
			array_merge(
				$settings,
				array(
					'version'   => (string) $manifest['version'],
					'integrity' => (string) $manifest['integrity'],
				)
			)
		);
		update_option( RECONNECT_KIT_OPTION, $saved );
	}
	wp_safe_redirect( add_query_arg( 'reconnect-kit', $message, admin_url( 'options-general.php?page=reconnect-kit' ) ) );
	exit;
}
